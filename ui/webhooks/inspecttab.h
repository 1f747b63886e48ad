// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/webhookinspect.h>

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace Apinator::Ui {

class ByteDiffView;
class WebhookSecretField;

// Inspect: a pasted raw request (or headers and body), the secret, max age and clock;
// the verdict, every cause in plain words, the per-SDK verdicts, the events and the
// signed bytes. Recomputed as the user types.
class WebhookInspectTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookInspectTab)
public:
    explicit WebhookInspectTab(QWidget *parent = nullptr);

    WebhookSecretField *secretField() const { return m_secret; }
    // The other secrets a signature may have been made with (API secret, other profiles).
    void setCandidates(const QList<WebhookCandidateSecret> &candidates);
    // Shows these exact bytes (a capture): used as they are until the user edits the text.
    void setRaw(const QByteArray &raw, std::optional<qint64> fixedNow = std::nullopt);
    // Recomputes at once (it also runs shortly after every change).
    void refresh();
    const WebhookInspection &inspection() const { return m_inspection; }

private:
    QWidget *buildInputs();
    QWidget *buildResults();
    void schedule();
    void show(const WebhookInspection &inspection);
    void showSdk(const WebhookInspection &inspection);
    void showEvents(const WebhookEvents &events);

    QComboBox *m_mode;
    QStackedWidget *m_inputs;
    QPlainTextEdit *m_raw;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    WebhookSecretField *m_secret;
    QSpinBox *m_maxAge;
    QCheckBox *m_maxAgeOff;
    QComboBox *m_clock;
    QLineEdit *m_now;
    QLabel *m_verdict;
    QLabel *m_causes;
    QLabel *m_signatures;
    QTableWidget *m_sdk;
    QLabel *m_eventsNote;
    QTableWidget *m_events;
    ByteDiffView *m_bytes;
    QList<WebhookCandidateSecret> m_candidates;
    WebhookInspection m_inspection;
    QTimer m_debounce;
    std::optional<QByteArray> m_exactRaw; // a capture's bytes, until the text is edited
    bool m_settingText = false;
};

} // namespace Apinator::Ui
