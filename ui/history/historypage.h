// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "pagecontext.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace Apinator::Ui {

class HistoryModel;
class HistoryResend;
class MessageBar;

// Every send, newest first: search, profile and outcome filters, the request and response
// of the selected one; open it in the composer, resend, delete, export as JSON lines.
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)
public:
    explicit HistoryPage(const PageContext &context, QWidget *parent = nullptr);
    ~HistoryPage() override;

    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    MessageBar *messageBar() const { return m_message; }
    QList<qint64> selectedIds() const;
    qint64 currentId() const { return m_currentId; }

public Q_SLOTS:
    void openInComposer();
    void resend();
    // Asks first (window-modal), then deletes the selected rows.
    void deleteSelected();
    // Opens the save dialog for the selection.
    void exportSelected();
    // Writes the selection as JSON lines; false (with a message) when it could not.
    bool exportTo(const QString &path);

Q_SIGNALS:
    void resendFinished(qint64 newId, bool ok);

private:
    void buildUi();
    void applyFilter();
    void fillProfiles();
    void showCurrent();
    void updateActions();
    void updateCount();
    void notify(int kind, const QString &text);

    PageContext m_context;
    HistoryModel *m_model = nullptr;
    HistoryResend *m_resend = nullptr;
    qint64 m_currentId = 0;
    MessageBar *m_message = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_profile = nullptr;
    QComboBox *m_outcome = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_request = nullptr;
    QPlainTextEdit *m_response = nullptr;
    QPlainTextEdit *m_data = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_resendButton = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_export = nullptr;
    QTimer *m_searchTimer = nullptr;
};

} // namespace Apinator::Ui
