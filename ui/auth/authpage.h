// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "auth/authkeys.h"
#include "pagecontext.h"

#include <QWidget>

class QTabWidget;

namespace Apinator::Ui {

class EndpointTab;
class InspectTab;
class SignTab;

// Auth signatures: Sign, Inspect (why an answer is rejected) and Endpoint test (call the
// user's own auth endpoint), all with the selected profile's key and secret.
class AuthPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthPage)
public:
    explicit AuthPage(const PageContext &context, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    SignTab *signTab() const { return m_sign; }
    InspectTab *inspectTab() const { return m_inspect; }
    EndpointTab *endpointTab() const { return m_endpoint; }
    const AuthKeys &keys() const { return m_keys; }

Q_SIGNALS:
    // The keys changed (a profile switch, or the other profiles' secrets arrived).
    void keysChanged();

private:
    void profileChanged();
    void applyKeys();

    PageContext m_context;
    AuthKeys m_keys;
    QTabWidget *m_tabs;
    SignTab *m_sign;
    InspectTab *m_inspect;
    EndpointTab *m_endpoint;
};

} // namespace Apinator::Ui
