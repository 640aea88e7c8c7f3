# Finds every library rxtrack uses and exposes each as one imported target.
# Debian 12 ships no CMake config for some of them (SOCI, libphonenumber, cpp-httplib,
# libzip without the tool packages); each block below finds one of those by hand.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(nlohmann_json 3.11 CONFIG REQUIRED)
find_package(spdlog 1.10 CONFIG REQUIRED)
find_package(fmt 9 CONFIG REQUIRED)
find_package(CLI11 2.1 CONFIG REQUIRED)
find_package(date CONFIG REQUIRED)
find_package(EXPAT REQUIRED)
find_package(Protobuf REQUIRED)
find_package(OpenSSL 3 REQUIRED)

# cpp-httplib: the .pc carries the CPPHTTPLIB_*_SUPPORT defines that decide the ABI.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(FREEXL REQUIRED IMPORTED_TARGET freexl)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(libphonenumber::phonenumber UNKNOWN IMPORTED)
set_target_properties(libphonenumber::phonenumber PROPERTIES
  IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES protobuf::libprotobuf)

if(RXTRACK_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
endif()
if(RXTRACK_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
