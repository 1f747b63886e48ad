// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <thread>

namespace Apinator::Ui {

// Loads the system's font configuration on a second thread while the main thread starts Qt.
//
// The first text a window measures has Qt's font database call fontconfig's FcInit(), which
// parses every file under /etc/fonts and maps the font caches: 24 M instructions, about 7 ms
// on the reference machine, a third of a bare Qt window's start. None of it needs the main
// thread, and the main thread needs no font until it builds the window: started first thing
// in main(), the load runs beside QApplication's construction and the profiles' loading.
//
// wait() must come before the first font is used. fontconfig does not wait for a
// configuration another thread is loading: it would load a second one.
//
// It runs where fontconfig is in the process (Qt on Linux and the BSDs), found at run time:
// the console gains no link dependency, and elsewhere the object does nothing.
class FontConfigWarmUp
{
public:
    FontConfigWarmUp();
    ~FontConfigWarmUp();
    FontConfigWarmUp(const FontConfigWarmUp &) = delete;
    FontConfigWarmUp &operator=(const FontConfigWarmUp &) = delete;

    // Blocks until the configuration is loaded (or nothing was started); then true when
    // fontconfig loaded it. Safe to call more than once.
    bool wait();

private:
    std::thread m_thread;
    bool m_loaded = false;
};

} // namespace Apinator::Ui
