# wasip2-libc: C programs -> WASI 0.2 components.
#
#   make / make sysroot   deps + build/sysroot + build/bin
#   make check            everything, then all tests (tools/run-tests.mjs)
#   make check-symbols    does the bottom half provide what the top half needs?
#   make demo             build and run examples/hello.c
#   make bench            node bench/run.mjs: the speed and size figures (docs/benchmarks.md)
#   make check-ports      real libraries from Debian's sources, unmodified, run their own tests (ports/)
#   make docs             regenerate the lists docs/ keeps from the tree (replaced members)
#   make install PREFIX=/dir
#   make clean
#
# Every src/**/*.c (except src/crt/) is compiled into libc.a: adding a file needs no
# edit here. src/crt/NAME.c becomes lib/wasm32-wasip2/NAME.o.
# Machine-specific locations are variables with defaults; override on the command line.

CLANG          ?= clang-22
LLVM_AR        ?= llvm-ar-22
LLVM_NM        ?= llvm-nm-22
LLVM_OBJCOPY   ?= llvm-objcopy-22
NODE           ?= node
WASI_LIBC_DIR  ?= /usr/lib/wasm32-wasi
WASI_INCLUDE_DIR ?= /usr/include/wasm32-wasi
JCO_WIT        ?= node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12
WITGEN         ?= tools/witgen/witgen.mjs
PREFIX         ?= /usr/local
# set SKIP_DEPS=1 to never run the installer step (packaging, read-only machines)
SKIP_DEPS      ?=

TRIPLE   := wasm32-wasip2
B        := build
SYSROOT  := $(B)/sysroot
INCDIR   := $(SYSROOT)/include/$(TRIPLE)
LIBDIR   := $(SYSROOT)/lib/$(TRIPLE)
WITDIR   := $(SYSROOT)/share/wasip2/wit
GEN      := $(B)/gen
TOP      := $(B)/top
OBJ      := $(B)/obj
BIN      := $(B)/bin
STAMPS   := $(B)/stamps

CFLAGS_LIB := -O2 -Wall -Werror=implicit-function-declaration -Isrc/include -I$(GEN)
# every non-static function and variable has a declaration in a header the compiler saw
# first (src/include/, or a public one), so it is checked against its callers' prototype
CFLAGS_LIB += -Wmissing-prototypes -Wmissing-variable-declarations
# the bindings of host calls that return lists or strings link cabi_realloc (witgen's header)
CFLAGS_LIB += -DWASIP2_LINK_CABI_REALLOC
# LIBC_DEBUG=1 keeps DWARF in libc.a (the top half's, and -g for ours): `make clean; make
# LIBC_DEBUG=1`. By default the shipped library has none, so programs carry none of it.
LIBC_DEBUG ?=
ifeq ($(LIBC_DEBUG),1)
CFLAGS_LIB += -g
endif
CC_TARGET  := $(CLANG) --target=$(TRIPLE) --sysroot=$(SYSROOT)

export LLVM_AR LLVM_NM LLVM_OBJCOPY

# ---------------------------------------------------------------- sources
LIB_SRCS  := $(sort $(shell find src -name '*.c' -not -path 'src/crt/*' -not -path 'src/thread/coop/*' 2>/dev/null))
LIB_OBJS  := $(patsubst src/%.c,$(OBJ)/%.o,$(LIB_SRCS)) $(OBJ)/gen/wasip2_bindings.o
CRT_SRCS  := $(sort $(wildcard src/crt/*.c))
CRT_OBJS  := $(patsubst src/crt/%.c,$(LIBDIR)/%.o,$(CRT_SRCS))
PUB_HDRS  := $(shell find include -type f 2>/dev/null)
WITGEN_SRCS := $(wildcard $(dir $(WITGEN))*.mjs $(dir $(WITGEN))*.js $(dir $(WITGEN))*.json)

# everything lives in libc.a; these are valid empty archives so -lm, -lpthread... link
EMPTY_LIBS := m pthread rt dl util xnet resolv crypt setjmp \
              wasi-emulated-signal wasi-emulated-getpid \
              wasi-emulated-process-clocks wasi-emulated-mman
EMPTY_ARCHIVES := $(patsubst %,$(LIBDIR)/lib%.a,$(EMPTY_LIBS))
# Debian's optional printf/scanf variants (-lc-printscan-long-double ...): portable
# code without preview1 references (checked when copied)
PRINTSCAN := $(patsubst $(WASI_LIBC_DIR)/%,$(LIBDIR)/%,$(wildcard $(WASI_LIBC_DIR)/libc-printscan-*.a))

# libc.a must be rebuilt when a source file disappears too: keep the object list in a
# file that changes only when the list does
OBJLIST := $(STAMPS)/libc-objects.txt
ifeq ($(filter clean,$(MAKECMDGOALS)),)
$(shell mkdir -p $(STAMPS); echo '$(LIB_OBJS)' | cmp -s - $(OBJLIST) 2>/dev/null || echo '$(LIB_OBJS)' > $(OBJLIST))
endif

TOOLS     := wasm-component-ld wasip2-run
BIN_FILES := $(addprefix $(BIN)/,$(TOOLS)) $(BIN)/wasip2-cc $(BIN)/wasip2-c++ $(BIN)/wasm32-wasip2-pkg-config
# wasip2-run's native host (tools/native/wasip2_host.c, Node-API). Optional: when gcc or
# node_api.h is missing, the runner says so and uses preview2-shim.
GCC            ?= gcc
# the pinned npm package first (every machine gets it from npm ci), then the system copy
NODE_API_INC   ?= $(firstword $(wildcard node_modules/node-api-headers/include /usr/include/node))
NATIVE_HOST    := $(B)/native/wasip2_host.node
NATIVE_SIGNALS := $(B)/native/wasip2_signals.node

# -pthread's cooperative threads (src/thread/coop/sched.c): src/thread again, with WASIP2_COOP,
# and the scheduler; tools/wasm-component-ld links it ahead of libc.a when given -pthread.
COOP_SRCS := $(sort $(wildcard src/thread/*.c src/thread/coop/*.c))
COOP_OBJS := $(patsubst src/%.c,$(OBJ)/coop/%.o,$(COOP_SRCS))

SYSROOT_FILES := $(STAMPS)/headers $(LIBDIR)/libc.a $(LIBDIR)/libpthread-coop.a $(CRT_OBJS) $(EMPTY_ARCHIVES) \
                 $(PRINTSCAN) $(STAMPS)/wit $(STAMPS)/component-type

.PHONY: all sysroot bin native deps gen top check check-symbols check-ports test demo bench docs install clean
.DELETE_ON_ERROR:

all: sysroot bin
sysroot: $(SYSROOT_FILES)
bin: $(BIN_FILES) native
native: $(NATIVE_HOST) $(NATIVE_SIGNALS)
gen: $(STAMPS)/gen
top: $(TOP)/libtop.a

# ---------------------------------------------------------------- 1. deps
# The installer runs as the recipe of an included makefile: GNU make remakes it first,
# then restarts and reads this file again, so every $(wildcard) over installed files
# (PRINTSCAN) sees what deps just installed, even on a one-shot `make demo`.
deps: $(STAMPS)/deps
DEPS := | $(STAMPS)/deps
NO_DEPS_GOALS := clean
ifneq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
include $(STAMPS)/deps
endif

$(STAMPS)/deps: package-lock.json mk/deps.sh
	@mkdir -p $(@D)
ifeq ($(SKIP_DEPS),)
	mk/deps.sh apt
	mk/deps.sh npm
endif
	@echo '# written by make deps: installed at $(shell date -u +%FT%TZ)' > $@

# ---------------------------------------------------------------- 2. bindings
# the lock is a real prerequisite: a jco upgrade (new WIT, new glue) regenerates the bindings
$(STAMPS)/gen: $(WITGEN) $(WITGEN_SRCS) package-lock.json $(DEPS)
	@mkdir -p $(@D)
	$(NODE) $(WITGEN) --wit $(JCO_WIT) --out $(GEN) --version 0.2.0 --exclude wasi-http
	@test -f $(GEN)/wasip2_bindings.c && test -f $(GEN)/wasip2_bindings.h && test -d $(GEN)/wit \
	  || { echo "witgen did not write $(GEN)/wasip2_bindings.{c,h} and $(GEN)/wit/" >&2; exit 1; }
	@touch $@

$(GEN)/wasip2_bindings.c $(GEN)/wasip2_bindings.h: $(STAMPS)/gen ;

# ---------------------------------------------------------------- 3. headers
# Debian's preview1 headers, then our include/ tree over them.
$(STAMPS)/headers: $(PUB_HDRS) $(STAMPS)/gen $(DEPS)
	@mkdir -p $(@D) $(dir $(INCDIR))
	rm -rf $(INCDIR).tmp
	cp -R $(WASI_INCLUDE_DIR) $(INCDIR).tmp
	if [ -d include ]; then cp -R include/. $(INCDIR).tmp/; fi
	@# the generated bindings, public as <wasi/wasip2.h> (all static inline)
	mkdir -p $(INCDIR).tmp/wasi && cp $(GEN)/wasip2_bindings.h $(INCDIR).tmp/wasi/wasip2.h
	@# Debian's originals of the headers we replace go one level down the search
	@# path (include/, after include/$(TRIPLE)), where our #include_next finds them.
	rm -rf $(SYSROOT)/include.next.tmp && mkdir -p $(SYSROOT)/include.next.tmp
	if [ -d include ]; then cd include && find . -type f | while read -r f; do \
	  if [ -f "$(abspath $(WASI_INCLUDE_DIR))/$$f" ]; then mkdir -p "$(abspath $(SYSROOT))/include.next.tmp/$$(dirname "$$f")"; \
	    cp "$(abspath $(WASI_INCLUDE_DIR))/$$f" "$(abspath $(SYSROOT))/include.next.tmp/$$f"; fi; done; fi
	rm -rf $(INCDIR)
	mv $(INCDIR).tmp $(INCDIR)
	find $(SYSROOT)/include -mindepth 1 -maxdepth 1 ! -name $(TRIPLE) -exec rm -rf {} +
	cp -R $(SYSROOT)/include.next.tmp/. $(SYSROOT)/include/ && rm -rf $(SYSROOT)/include.next.tmp
	@touch $@

# ---------------------------------------------------------------- 4. top half
$(TOP)/libtop.a: tools/filter-top-half.sh tools/linker-symbols.txt tools/replaced-members.txt $(WASI_LIBC_DIR)/libc.a $(DEPS)
	KEEP_DEBUG=$(LIBC_DEBUG) tools/filter-top-half.sh $(WASI_LIBC_DIR)/libc.a $(TOP) \
	  "$$($(CLANG) --target=$(TRIPLE) -print-libgcc-file-name)"

# ---------------------------------------------------------------- 5. bottom half
$(OBJ)/%.o: src/%.c $(STAMPS)/headers $(STAMPS)/gen
	@mkdir -p $(@D)
	$(CC_TARGET) $(CFLAGS_LIB) -MMD -MP -c $< -o $@

$(OBJ)/gen/wasip2_bindings.o: $(GEN)/wasip2_bindings.c $(STAMPS)/headers $(STAMPS)/gen
	@mkdir -p $(@D)
	$(CC_TARGET) $(CFLAGS_LIB) -MMD -MP -c $< -o $@

-include $(LIB_OBJS:.o=.d) $(patsubst $(LIBDIR)/%.o,$(OBJ)/crt/%.d,$(CRT_OBJS))

# ---------------------------------------------------------------- 6. lib/
$(LIBDIR)/libc.a: $(TOP)/libtop.a $(LIB_OBJS) $(OBJLIST) mk/merge-libc.sh
	@mkdir -p $(@D)
	mk/merge-libc.sh $@ $(TOP) $(LIB_OBJS)

$(OBJ)/coop/%.o: src/%.c $(STAMPS)/headers $(STAMPS)/gen
	@mkdir -p $(@D)
	$(CC_TARGET) $(CFLAGS_LIB) -pthread -DWASIP2_COOP -MMD -MP -c $< -o $@

-include $(COOP_OBJS:.o=.d)

$(LIBDIR)/libpthread-coop.a: $(COOP_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(LLVM_AR) rcs $@ $(COOP_OBJS)

$(LIBDIR)/%.o: src/crt/%.c $(STAMPS)/headers $(STAMPS)/gen
	@mkdir -p $(@D) $(OBJ)/crt
	$(CC_TARGET) $(CFLAGS_LIB) -MMD -MP -MF $(OBJ)/crt/$*.d -c $< -o $@

$(EMPTY_ARCHIVES):
	@mkdir -p $(@D)
	printf '!<arch>\n' > $@

$(LIBDIR)/libc-printscan-%.a: $(WASI_LIBC_DIR)/libc-printscan-%.a $(DEPS)
	@mkdir -p $(@D)
	@if $(LLVM_NM) -u $< | grep -qE '__wasi_|__imported_wasi'; then \
	  echo "$< references preview1; not copied" >&2; exit 1; fi
	cp $< $@

# ---------------------------------------------------------------- 7. WIT
$(STAMPS)/wit: $(STAMPS)/gen
	@mkdir -p $(dir $(WITDIR))
	rm -rf $(WITDIR)
	cp -R $(GEN)/wit $(WITDIR)
	@touch $@

# Each world's component-type section, encoded once here so a link appends it instead of
# parsing the WIT (tools/wasm-component-ld; it checks the folder's hash before using them).
$(STAMPS)/component-type: $(STAMPS)/wit tools/wasm-component-ld $(DEPS)
	$(NODE) tools/wasm-component-ld --wasip2-wit $(WITDIR) --write-component-types $(SYSROOT)/share/wasip2/component-type
	@touch $@

# ---------------------------------------------------------------- 8. bin/
$(BIN)/wasm-component-ld $(BIN)/wasip2-run: $(BIN)/%: mk/wrapper.sh
	@mkdir -p $(@D)
	mk/wrapper.sh $@ ../../tools/$* ../sysroot ../..

$(NATIVE_HOST): tools/native/wasip2_host.c tools/native/napi_exports.h
$(NATIVE_SIGNALS): tools/native/wasip2_signals.c tools/native/napi_exports.h
$(NATIVE_HOST) $(NATIVE_SIGNALS):
	@mkdir -p $(@D)
	@if [ -n "$(NODE_API_INC)" ] && command -v $(GCC) >/dev/null; then \
	  echo "$(GCC) ... -o $@"; \
	  $(GCC) -O2 -Wall -shared -fPIC -I$(NODE_API_INC) -o $@.tmp $< && mv $@.tmp $@ \
	  || { rm -f $@.tmp; echo "native host failed to build: wasip2-run will use preview2-shim" >&2; }; \
	else echo "native host not built (need $(GCC) and node_api.h): wasip2-run will use preview2-shim" >&2; fi

$(BIN)/wasip2-cc: mk/cc-wrapper.sh mk/clang-cfg.sh
	@mkdir -p $(@D)
	mk/cc-wrapper.sh $@ ../sysroot $(CLANG)

# the C++ launcher, as the SDK tarball has it (the Meson cross file names both)
$(BIN)/wasip2-c++: mk/cc-wrapper.sh mk/clang-cfg.sh
	@mkdir -p $(@D)
	mk/cc-wrapper.sh $@ ../sysroot $(CLANGXX)

$(BIN)/wasm32-wasip2-pkg-config: mk/pkg-config-wrapper.sh
	@mkdir -p $(@D)
	mk/pkg-config-wrapper.sh $@ ../sysroot

# ---------------------------------------------------------------- install
# PREFIX/share/wasip2-libc/{sysroot,tools,node_modules,package.json} + PREFIX/bin launchers
SHARE := $(PREFIX)/share/wasip2-libc
install: all
	@test -n "$(PREFIX)" || { echo "PREFIX is empty" >&2; exit 1; }
	rm -rf $(SHARE)
	mkdir -p $(SHARE) $(PREFIX)/bin
	cp -R $(SYSROOT) $(SHARE)/sysroot
	cp -R tools $(SHARE)/tools
	if [ -f $(NATIVE_HOST) ]; then cp $(NATIVE_HOST) $(SHARE)/tools/native/; fi
	if [ -f $(NATIVE_SIGNALS) ]; then cp $(NATIVE_SIGNALS) $(SHARE)/tools/native/; fi
	cp package.json package-lock.json $(SHARE)/
	cp -RH node_modules $(SHARE)/node_modules
	for t in $(TOOLS); do mk/wrapper.sh $(PREFIX)/bin/$$t ../share/wasip2-libc/tools/$$t ../share/wasip2-libc/sysroot ../share/wasip2-libc; done
	mk/cc-wrapper.sh $(PREFIX)/bin/wasip2-cc ../share/wasip2-libc/sysroot $(CLANG)
	mk/cc-wrapper.sh $(PREFIX)/bin/wasip2-c++ ../share/wasip2-libc/sysroot $(CLANGXX)
	mk/pkg-config-wrapper.sh $(PREFIX)/bin/wasm32-wasip2-pkg-config ../share/wasip2-libc/sysroot
	@echo "installed into $(PREFIX): compile with $(PREFIX)/bin/wasip2-cc app.c -o app.wasm"
	@$(MAKE) --no-print-directory install-clang-cfg

# clang's configuration file for the target (mk/clang-cfg.sh: the setjmp options and --sysroot),
# in SHARE and where clang-22 reads it (its executable's directory) when that is writable.
# CLANG_CFG_DIR= (empty) installs only the copy in SHARE.
CLANG_CFG_DIR ?= $(patsubst %/,%,$(dir $(realpath $(shell command -v $(CLANG) 2>/dev/null))))
CLANG_CFG := wasm32-unknown-wasip2.cfg
.PHONY: install-clang-cfg
install-clang-cfg:
	@mkdir -p $(SHARE)
	@mk/clang-cfg.sh $(abspath $(SHARE))/sysroot > $(SHARE)/$(CLANG_CFG)
	@if [ -z "$(CLANG_CFG_DIR)" ]; then echo "clang configuration: $(SHARE)/$(CLANG_CFG) (not copied to clang's directory: CLANG_CFG_DIR is empty)"; \
	elif [ -w "$(CLANG_CFG_DIR)" ]; then cp $(SHARE)/$(CLANG_CFG) $(CLANG_CFG_DIR)/$(CLANG_CFG) && \
	  echo "installed $(CLANG_CFG_DIR)/$(CLANG_CFG): $(CLANG) --target=wasm32-wasip2 now uses this sysroot and compiles setjmp/longjmp without flags"; \
	else echo "clang configuration NOT installed: $(CLANG_CFG_DIR) is not writable. As root: cp $(SHARE)/$(CLANG_CFG) $(CLANG_CFG_DIR)/ (or pass --config=$(SHARE)/$(CLANG_CFG) to clang)"; fi

# ---------------------------------------------------------------- checks
check: all
	$(NODE) tools/run-tests.mjs

test: check

# fetches sources (apt-get source) and server packages, then builds and tests confined to a
# network namespace with only lo (ports/check-ports.sh); PORTS="zlib sqlite" for a subset
check-ports: all
	ports/check-ports.sh $(PORTS)

check-symbols: all
	$(NODE) test/build/top_half_symbols.test.mjs

# ---------------------------------------------------------------- demo / bench
demo: all
	@mkdir -p $(B)/examples
	PATH="$(CURDIR)/$(BIN):$$PATH" $(CC_TARGET) -O2 examples/hello.c -o $(B)/examples/hello.wasm
	HELLO_FROM=make $(BIN)/wasip2-run --env HELLO_FROM=make $(B)/examples/hello.wasm world "two words"

bench: all
	$(NODE) bench/run.mjs

docs:
	$(NODE) test/build/replaced_members_doc.test.mjs --write

clean:
	rm -rf $(B)

# ---------------------------------------------------------------- C++ and CMake
# Debian's libc++/libc++abi for wasm32-wasi, copied into the sysroot with the parts its
# threadless, filesystem-less build left out (mk/cxx.sh says how). The headers step
# rebuilds INCDIR from scratch, hence the dependency on its stamp. src/cxx/*.cpp go into
# libc++.a (cxa_*: libc++abi.a, the throw-terminates runtime); src/cxx/thread/*.cpp
# (std::thread, mutexes, condition_variable... over the pthread API) into libc++-coop.a for
# -pthread links; src/cxx/*.c go into libc.a like every src/**/*.c. std::filesystem stays
# unavailable: see docs/porting.md.
CXX_INC_SRC ?= /usr/lib/llvm-22/include/wasm32-wasi/c++/v1
CXX_LIB_SRC ?= /usr/lib/llvm-22/lib/wasm32-wasi
CLANGXX     ?= clang++-22
CXX_SRCS    := $(sort $(wildcard src/cxx/*.cpp))
CXX_THR_SRCS := $(sort $(wildcard src/cxx/thread/*.cpp))
CMAKE_FILES := cmake/wasip2-toolchain.cmake cmake/Platform/WASI.cmake

sysroot: $(STAMPS)/cxx $(STAMPS)/cmake

$(STAMPS)/cxx: $(STAMPS)/headers $(CXX_SRCS) $(CXX_THR_SRCS) mk/cxx.sh $(DEPS)
	CLANGXX=$(CLANGXX) LLVM_NM=$(LLVM_NM) LLVM_AR=$(LLVM_AR) TRIPLE=$(TRIPLE) SYSROOT=$(SYSROOT) \
	  mk/cxx.sh $(CXX_INC_SRC) $(CXX_LIB_SRC) $(INCDIR) $(LIBDIR) $(OBJ) -- $(CXX_SRCS) -- $(CXX_THR_SRCS)
	@touch $@

# The toolchain file finds its sysroot and bin/ relative to where it sits (see its header).
$(STAMPS)/cmake: $(CMAKE_FILES)
	@mkdir -p $(B)/share/cmake/Platform $(SYSROOT)/share/cmake/Platform $(@D)
	for d in $(B)/share/cmake $(SYSROOT)/share/cmake; do for f in $(CMAKE_FILES); do cp $$f $$d/$${f#cmake/}; done; done
	@touch $@

install: install-cmake
.PHONY: install-cmake
install-cmake: all
	mkdir -p $(PREFIX)/share/cmake/Platform
	for f in $(CMAKE_FILES); do cp $$f $(PREFIX)/share/cmake/$${f#cmake/}; done

# ---------------------------------------------------------------- SDK packages (issue 26)
# make dist: build/dist/wasip2-sdk-VERSION-ARCH-linux.tar.gz, one relocatable folder (mk/dist.sh);
# make deb:  build/dist/wasip2-libc_VERSION_ARCH.deb (mk/deb.sh), for apt-get install ./file.deb
SDK_VERSION := $(shell $(NODE) -p "require('./package.json').version" 2>/dev/null)
.PHONY: dist deb
dist: all
	mk/dist.sh tar $(B)/dist/wasip2-sdk-$(SDK_VERSION)-$(shell uname -m)-linux.tar.gz
deb: all
	mk/deb.sh $(B)/dist/wasip2-libc_$(SDK_VERSION)_$(shell dpkg --print-architecture).deb
