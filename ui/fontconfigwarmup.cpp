// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "fontconfigwarmup.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <dlfcn.h>
#define APINATOR_HAS_FONTCONFIG_WARMUP 1
#endif

namespace Apinator::Ui {

FontConfigWarmUp::FontConfigWarmUp()
{
#ifdef APINATOR_HAS_FONTCONFIG_WARMUP
    // FcBool FcInit(void): already in the process when Qt Gui links fontconfig.
    using Init = int (*)();
    const auto init = reinterpret_cast<Init>(dlsym(RTLD_DEFAULT, "FcInit"));
    if (init)
        m_thread = std::thread([this, init] { m_loaded = init() != 0; });
#endif
}

FontConfigWarmUp::~FontConfigWarmUp()
{
    wait();
}

bool FontConfigWarmUp::wait()
{
    if (m_thread.joinable())
        m_thread.join();
    return m_loaded;
}

} // namespace Apinator::Ui
