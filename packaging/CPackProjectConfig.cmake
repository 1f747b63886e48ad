# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
# Read by cpack once per generator. CPackDeb prepends CPACK_PACKAGE_DESCRIPTION_SUMMARY to
# a component's description unless the summary is CPack's default; ours carry their own.
if(CPACK_GENERATOR STREQUAL "DEB")
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
