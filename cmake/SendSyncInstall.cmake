# Install rules and the package files of sendsync (included at the end of the
# top-level CMakeLists.txt). `cmake --install <build> --prefix <p>` gives:
#
#   <p>/bin/sendsync-check
#   <p>/bin/sendsync-merge                    the program database (facts.md)
#   <p>/lib/sendsync/sendsync-<N>.so          the plugin, for clang-<N>
#   <p>/include/sendsync.h                    the markers
#   <p>/lib/cmake/SendSync/                   find_package(SendSync)
#   <p>/lib/pkgconfig/sendsync.pc             pkg-config --cflags sendsync
#   <p>/share/sendsync/sendsync.mk            include it from a Makefile
#   <p>/share/doc/sendsync/checks/<id>.md     the check pages (SARIF help links)
#
# Every installed file finds the others relative to itself, so the tree can
# be moved (docs/install.md).

include(CMakePackageConfigHelpers)

# The version is the plugin's (plugin/support/Version.h).
file(STRINGS "${PROJECT_SOURCE_DIR}/plugin/support/Version.h" _ss_version_line
  REGEX "^#define SENDSYNC_VERSION \"[0-9]+\\.[0-9]+\\.[0-9]+\"")
string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" SENDSYNC_PACKAGE_VERSION "${_ss_version_line}")
if(NOT SENDSYNC_PACKAGE_VERSION)
  message(FATAL_ERROR "sendsync: cannot read SENDSYNC_VERSION from plugin/support/Version.h")
endif()

set(SENDSYNC_INSTALLED_PLUGIN_NAME "sendsync-${SENDSYNC_LLVM_VERSION}.so")
set(_ss_pkg_dir "${CMAKE_BINARY_DIR}/package")

install(PROGRAMS "$<TARGET_FILE:sendsync-plugin>"
  DESTINATION lib/sendsync RENAME "${SENDSYNC_INSTALLED_PLUGIN_NAME}")
install(FILES "${PROJECT_SOURCE_DIR}/annotations/sendsync.h" DESTINATION include)
foreach(_ss_tool sendsync-check sendsync-merge sendsync-lsp)
  if(TARGET ${_ss_tool})
    install(TARGETS ${_ss_tool} RUNTIME DESTINATION bin)
  endif()
endforeach()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/checks/"
  DESTINATION share/doc/sendsync/checks FILES_MATCHING PATTERN "*.md")
foreach(_ss_doc ci.md install.md json.md annotations.md editors.md spawn-apis.md)
  if(EXISTS "${PROJECT_SOURCE_DIR}/docs/${_ss_doc}")
    install(FILES "${PROJECT_SOURCE_DIR}/docs/${_ss_doc}" DESTINATION share/doc/sendsync)
  endif()
endforeach()

# CMake package.
configure_file("${PROJECT_SOURCE_DIR}/cmake/SendSyncConfig.cmake.in"
  "${_ss_pkg_dir}/SendSyncConfig.cmake" @ONLY)
write_basic_package_version_file("${_ss_pkg_dir}/SendSyncConfigVersion.cmake"
  VERSION "${SENDSYNC_PACKAGE_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${_ss_pkg_dir}/SendSyncConfig.cmake" "${_ss_pkg_dir}/SendSyncConfigVersion.cmake"
  DESTINATION lib/cmake/SendSync)

# pkg-config and the Makefile snippet.
configure_file("${PROJECT_SOURCE_DIR}/cmake/sendsync.pc.in" "${_ss_pkg_dir}/sendsync.pc" @ONLY)
install(FILES "${_ss_pkg_dir}/sendsync.pc" DESTINATION lib/pkgconfig)
configure_file("${PROJECT_SOURCE_DIR}/cmake/sendsync.mk.in" "${_ss_pkg_dir}/sendsync.mk" @ONLY)
install(FILES "${_ss_pkg_dir}/sendsync.mk" DESTINATION share/sendsync)
