// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "pagecontext.h"
#include "trigger/triggerdraft.h"

#include <apinator/restclient.h>

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QThreadPool;
class QTimer;

namespace Apinator::Ui {

class ChannelChipEditor;
class JsonEditor;
class RequestPreview;
class ResponseView;
class SnippetsPanel;
class TemplateBar;
class TriggerStore;

// Compose an event, see the signed request before it goes, send it, read the answer.
class TriggerPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriggerPage)
public:
    explicit TriggerPage(const PageContext &context, QWidget *parent = nullptr);
    ~TriggerPage() override;

    // Fills the composer (Channels "Send to this channel", History "open in composer").
    void openDraft(const TriggerDraft &draft);
    TriggerDraft draft() const;

    // Empty when Send may go; else the first reason, as in Send's tooltip.
    QString blockingReason() const;
    bool isSending() const { return m_reply != nullptr; }
    // The clock used for X-Realtime-Timestamp at send (unix seconds); tests skew it.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

public Q_SLOTS:
    void send();
    void cancel();

Q_SIGNALS:
    // A send finished (ok or not) and its answer is on screen.
    void sendFinished();

private:
    void buildUi();
    void validate();
    void schedulePreview();
    void updatePreview();
    void profileChanged();
    void startSend();
    void finishSend();
    void record(const RestResult &result);
    void updateFieldMessages();
    void finishPreview(quint64 generation, const struct PreviewOutput &output);
    TriggerRequest currentRequest(bool forSend) const;
    std::optional<Credentials> currentCredentials() const;

    PageContext m_context;
    std::unique_ptr<TriggerStore> m_store;
    QComboBox *m_event = nullptr;
    QLabel *m_eventError = nullptr;
    ChannelChipEditor *m_channels = nullptr;
    QLabel *m_channelsError = nullptr;
    QLineEdit *m_socketId = nullptr;
    QLabel *m_socketIdError = nullptr;
    JsonEditor *m_data = nullptr;
    QLabel *m_profileLabel = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    TemplateBar *m_templates = nullptr;
    QTabWidget *m_tabs = nullptr;
    RequestPreview *m_preview = nullptr;
    ResponseView *m_response = nullptr;
    SnippetsPanel *m_snippets = nullptr;
    QTimer *m_previewTimer = nullptr;
    QPointer<RestReply> m_reply;
    std::unique_ptr<RestClient> m_client;
    QThreadPool *m_pool = nullptr;
    quint64 m_previewGeneration = 0;
    TriggerRequest m_sentRequest;
    qint64 m_sentAtMsecs = 0; // for the window's SendLog (round trips)
    std::function<qint64()> m_clock;
    QString m_blocking;
    bool m_eventTouched = false;
    bool m_channelsTouched = false;
};

} // namespace Apinator::Ui
