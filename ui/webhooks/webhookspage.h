// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "pagecontext.h"

#include <apinator/webhookinspect.h>

#include <QWidget>

class QTabWidget;

namespace Apinator::Ui {

class WebhookComposeTab;
class WebhookInspectTab;
class WebhookListenTab;

// Webhooks: Inspect (verify and explain), Listen (receive live, replay, forward) and
// Compose (sign and send), with the selected profile's webhook secret.
class WebhooksPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhooksPage)
public:
    explicit WebhooksPage(const PageContext &context, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    WebhookInspectTab *inspectTab() const { return m_inspect; }
    WebhookListenTab *listenTab() const { return m_listen; }
    WebhookComposeTab *composeTab() const { return m_compose; }

private:
    void profileChanged();
    void pushVerifier();

    PageContext m_context;
    QTabWidget *m_tabs;
    WebhookInspectTab *m_inspect;
    WebhookListenTab *m_listen;
    WebhookComposeTab *m_compose;
    QList<WebhookCandidateSecret> m_candidates;
};

} // namespace Apinator::Ui
