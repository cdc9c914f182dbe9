// The partner-engine command line.
console.log('partner-engine');
