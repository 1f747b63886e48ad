// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/webhookcapturestore.h>
#include <apinator/webhookinspect.h>
#include <apinator/webhookreceiver.h>

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Apinator {
class HttpClient;
class WebhookForwarder;
}

namespace Apinator::Ui {

class EmbeddedSandbox;

// Listen: a local receiver with its live list of captures (kept in history.sqlite), replay
// of a capture to any URL, automatic forwarding, and the sandbox's webhooks in one click.
class WebhookListenTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookListenTab)
public:
    WebhookListenTab(HttpClient *http, EmbeddedSandbox *sandbox, const QString &dataDir, QWidget *parent = nullptr);
    ~WebhookListenTab() override;

    // The secret the verdict column and re-signed replays use.
    void setVerifier(const QByteArray &secret);
    WebhookReceiver *receiver() const { return m_receiver; }
    const QList<WebhookCapture> &captures() const { return m_captures; }
    QTreeWidget *list() const { return m_list; }

Q_SIGNALS:
    // The user selected a capture: show it whole in Inspect.
    void captureSelected(const Apinator::WebhookCapture &capture);

private:
    QLayout *buildSettings();
    QLayout *buildActions();
    void toggle();
    void sendSandboxHere();
    void onCaptured(WebhookCapture capture);
    void addRow(const WebhookCapture &capture);
    void refreshVerdicts();
    void replay();
    void syncButtons();
    QString verdictText(const WebhookCapture &capture) const;
    const WebhookCapture *selected() const;

    HttpClient *m_http;
    EmbeddedSandbox *m_sandbox;
    WebhookReceiver *m_receiver;
    WebhookForwarder *m_forwarder;
    std::unique_ptr<WebhookCaptureStore> m_store;
    QList<WebhookCapture> m_captures;
    QByteArray m_secret;

    QComboBox *m_host;
    QSpinBox *m_port;
    QLineEdit *m_path;
    QSpinBox *m_status;
    QLineEdit *m_response;
    QPushButton *m_start;
    QLabel *m_url;
    QPushButton *m_sandboxHere;
    QTreeWidget *m_list;
    QCheckBox *m_forward;
    QLineEdit *m_forwardUrl;
    QLineEdit *m_replayUrl;
    QComboBox *m_replayMode;
    QPushButton *m_replay;
    QPushButton *m_clear;
    QLabel *m_message;
};

} // namespace Apinator::Ui
