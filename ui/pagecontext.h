// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "appcontext.h"

namespace Apinator::Ui {

class ActiveProfile;
class AuthEndpointSettings;
class MessageBar;
class Navigation;
class SendLog;

// What every page is built with. The page keeps the pointers; the window outlives its pages.
struct PageContext
{
    AppContext app;
    // The selected profile and its secrets; pages re-read it on ActiveProfile::changed.
    ActiveProfile *active = nullptr;
    // To open another page ("Send to this channel" opens the Trigger page).
    Navigation *navigation = nullptr;
    // The window's message bar, for what concerns more than one page.
    MessageBar *messages = nullptr;
    // Successful REST sends (the Trigger page adds, the Monitor matches arrivals to them).
    SendLog *sendLog = nullptr;
    // The Auth page's endpoint tester settings, in memory (the Monitor can authorize with them).
    AuthEndpointSettings *authEndpoint = nullptr;
};

// Adds the console's pages to the navigation, each built on first show. One line per page
// in pages.cpp; the order numbers give Ctrl+1..Ctrl+6 (Trigger 10, Channels 20, Auth 30,
// Webhooks 40, Monitor 50, History 60; Profiles is 90).
void registerPages(Navigation &navigation, const PageContext &context);

} // namespace Apinator::Ui
