// A TypeDoc plugin: a property whose declaration is a getter takes the getter's doc comment.
// zod builds a recursive schema with getters (`get all() { ... }`), and the types it infers
// declare those properties by the getter, where TypeDoc does not look for a property's comment.
import { Comment, Converter, ReflectionKind } from 'typedoc';
import ts from 'typescript';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Property) || reflection.comment) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const getter = symbol?.declarations?.find(ts.isGetAccessorDeclaration);
    const text = getter && ts.getJSDocCommentsAndTags(getter).find(ts.isJSDoc)?.comment;
    if (typeof text === 'string' && text.trim() !== '') {
      reflection.comment = new Comment([{ kind: 'text', text: text.trim() }]);
    }
  });
}
