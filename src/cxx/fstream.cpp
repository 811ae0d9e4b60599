// The explicit instantiations of the file streams that libc++'s own src/fstream.cpp would
// provide.  Debian builds its wasm32 libc++ with LIBCXX_ENABLE_FILESYSTEM=OFF, which drops
// <fstream> (its header is empty when _LIBCPP_HAS_FILESYSTEM is 0) and these instantiations
// from libc++.a.  Our sysroot's __config_site turns the flag back on (the Makefile's C++ step),
// and the headers then declare these specialisations `extern template`, so exactly one object
// must define them: this one, appended to the sysroot's libc++.a.  basic_filebuf is written
// over C stdio (fopen/fread/fseeko...), which our C library provides on WASI 0.2 files.
// std::filesystem itself stays unavailable (its compiled part is not in Debian's libc++.a).
#include <fstream>

namespace std {
template class basic_filebuf<char>;
template class basic_ifstream<char>;
template class basic_ofstream<char>;
template class basic_fstream<char>;
#if _LIBCPP_HAS_WIDE_CHARACTERS
template class basic_filebuf<wchar_t>;
template class basic_ifstream<wchar_t>;
template class basic_ofstream<wchar_t>;
template class basic_fstream<wchar_t>;
#endif
}
