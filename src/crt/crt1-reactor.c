// Entry for reactor (library) components built with -mexec-model=reactor:
// the host calls _initialize once to run constructors; there is no run export.
void __wasm_call_ctors(void);

__attribute__((export_name("_initialize")))
void _initialize(void) {
  __wasm_call_ctors();
}
