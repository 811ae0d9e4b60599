// C names for WIT names: kebab-case to snake_case, C keywords (and the wrappers' own
// parameter names) escaped with a trailing underscore, and the C types of core wasm values.
export const C_KEYWORDS = new Set(['auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern', 'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return', 'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void', 'volatile', 'while', 'bool', 'true', 'false', 'self', 'ret', 'err']);
export const snake = (s) => s.replace(/-/g, '_');
export const field = (s) => (C_KEYWORDS.has(snake(s)) ? snake(s) + '_' : snake(s));
export const upper = (s) => snake(s).toUpperCase();
export const CORE_C = { i32: 'int32_t', i64: 'int64_t', f32: 'float', f64: 'double' };
