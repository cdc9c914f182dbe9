// Rules: json-rules-engine conditions checked at load time and compiled once into fast
// synchronous predicates, with the library itself kept as the reference evaluator.
export {
  type CheckContext,
  checkCondition,
  factsUsed,
  visitLeaves,
} from './check.js';
export {
  type CompileOptions,
  compileCondition,
  type Predicate,
  RuleEvaluationError,
  type RuleEvaluationErrorCode,
  type RuleFacts,
} from './compile.js';
export {
  type AllCondition,
  type AnyCondition,
  type Condition,
  type ConditionReference,
  conditionSchema,
  type FactReference,
  type LeafCondition,
  leafConditionSchema,
  type NestedCondition,
  type NotCondition,
  nestedConditionSchema,
} from './condition.js';
export { MAX_CONDITION_DEPTH, MAX_NESTING_DEPTH, nestingIssue } from './nesting.js';
export {
  DECORATOR_NAMES,
  OPERATOR_NAMES,
  type Operand,
  type OperatorChain,
  type OperatorFunction,
  operatorCanThrow,
  parseOperatorName,
  type ResolvedOperator,
  resolveOperator,
  UNKNOWN_OPERAND,
} from './operators.js';
export {
  compilePath,
  isPropertyPath,
  MAX_PATH_LENGTH,
  type PathResolver,
  propertyNames,
  refusedPath,
  unreadablePath,
} from './paths.js';
export { evaluateWithJsonRulesEngine, type ReferenceOptions } from './reference.js';
