// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "historypage.h"

#include "history/historymodel.h"
#include "history/historyresend.h"
#include "navigation.h"
#include "trigger/triggerpage.h"
#include "widgets/icons.h"
#include "widgets/messagebar.h"
#include "widgets/savedialog.h"
#include "widgets/selectablelabel.h"
#include "widgets/widgethelpers.h"

#include <apinator/historystore.h>
#include <apinator/problem.h>

#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
constexpr int SearchDelayMs = 250;

QPlainTextEdit *textView(QWidget *parent, const QString &objectName, const QString &accessible)
{
    auto *view = new QPlainTextEdit(parent);
    setNames(view, objectName, accessible);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

// Pretty-printed when the text is a JSON object or array; as it is otherwise.
QString pretty(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isNull() ? QString::fromUtf8(bytes) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

// Any JSON value, scalars included (the protocol sends data as a string of JSON text).
bool isJsonText(const QByteArray &data)
{
    return !QJsonDocument::fromJson("[" + data + "]").isNull();
}
} // namespace

HistoryPage::HistoryPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new HistoryModel(context.app.history, this))
    , m_resend(new HistoryResend(context, this, this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(u"historyPage"_s);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    buildUi();

    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &HistoryPage::applyFilter);
    connect(m_searchTimer, &QTimer::timeout, this, &HistoryPage::applyFilter);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &HistoryPage::applyFilter);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &HistoryPage::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryPage::showCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        showCurrent();
    });
    connect(m_open, &QPushButton::clicked, this, &HistoryPage::openInComposer);
    connect(m_resendButton, &QPushButton::clicked, this, &HistoryPage::resend);
    connect(m_delete, &QPushButton::clicked, this, &HistoryPage::deleteSelected);
    connect(m_export, &QPushButton::clicked, this, &HistoryPage::exportSelected);
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &HistoryPage::deleteSelected);
    connect(m_resend, &HistoryResend::finished, this, [this](qint64 id, bool ok, const QString &message) {
        notify(int(ok ? MessageBar::Kind::Success : MessageBar::Kind::Error), message);
        updateActions();
        Q_EMIT resendFinished(id, ok);
    });

    HistoryStore *store = m_context.app.history;
    if (!store || !store->ensureOpen()) {
        notify(int(MessageBar::Kind::Error),
               tr("The history is off: %1").arg(store ? store->lastError() : tr("no database")));
        setEnabled(false);
        m_message->setEnabled(true);
    } else if (!store->openMessage().isEmpty()) {
        notify(int(MessageBar::Kind::Warning), store->openMessage());
    }
    if (store) {
        // A send from a profile not in the list yet adds it to the filter.
        connect(store, &HistoryStore::added, this, [this](qint64 id) {
            const auto entry = m_context.app.history->entry(id);
            if (entry && m_profile->findData(entry->profileId) < 0)
                fillProfiles();
        });
    }
    fillProfiles();
    updateCount();
    updateActions();
}

HistoryPage::~HistoryPage() = default;

void HistoryPage::buildUi()
{
    m_message = new MessageBar(this);
    m_message->setObjectName(u"historyMessage"_s);
    m_message->hide();

    m_search = new QLineEdit(this);
    setNames(m_search, u"historySearchEdit"_s, tr("Search event, channel and data"));
    m_search->setPlaceholderText(tr("Search event, channel, data…"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icon(u"search"_s), QLineEdit::LeadingPosition);
    m_profile = new QComboBox(this);
    setNames(m_profile, u"historyProfileCombo"_s, tr("Profile filter"));
    m_outcome = new QComboBox(this);
    setNames(m_outcome, u"historyOutcomeCombo"_s, tr("Outcome filter"));
    m_outcome->addItem(tr("Any outcome"), int(HistoryOutcome::Any));
    m_outcome->addItem(icon(u"ok"_s), tr("Succeeded"), int(HistoryOutcome::Success));
    m_outcome->addItem(icon(u"error"_s), tr("Failed"), int(HistoryOutcome::Error));
    m_count = new QLabel(this);
    setNames(m_count, u"historyCountLabel"_s, tr("Number of sends listed"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_profile);
    filters->addWidget(m_outcome);
    filters->addSpacing(12);
    filters->addWidget(m_count);

    m_view = new QTableView(this);
    setNames(m_view, u"historyTable"_s, tr("Sent events"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and no resize-to-contents: the view never asks for rows off screen.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    // Set widths, never ResizeToContents: that would read a thousand rows to measure them.
    const int digit = m_view->fontMetrics().horizontalAdvance(u'0');
    header->resizeSection(HistoryModel::Time, digit * 21);
    header->resizeSection(HistoryModel::Profile, digit * 14);
    header->resizeSection(HistoryModel::Event, digit * 16);
    header->resizeSection(HistoryModel::Channels, digit * 16);
    header->resizeSection(HistoryModel::Status, digit * 8);
    header->resizeSection(HistoryModel::Elapsed, digit * 8);

    m_open = new QPushButton(icon(u"trigger"_s), tr("&Open in composer"), this);
    setNames(m_open, u"historyOpenButton"_s, tr("Open the selected send in the composer"));
    m_resendButton = new QPushButton(icon(u"refresh"_s), tr("&Resend"), this);
    setNames(m_resendButton, u"historyResendButton"_s, tr("Send the selected event again"));
    m_delete = new QPushButton(icon(u"delete"_s), tr("&Delete"), this);
    setNames(m_delete, u"historyDeleteButton"_s, tr("Delete the selected sends"));
    m_export = new QPushButton(icon(u"export"_s), tr("E&xport…"), this);
    setNames(m_export, u"historyExportButton"_s, tr("Export the selected sends as JSON lines"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_open);
    actions->addWidget(m_resendButton);
    actions->addStretch(1);
    actions->addWidget(m_export);
    actions->addWidget(m_delete);

    auto *detail = new QWidget(this);
    m_summary = new QLabel(detail);
    setNames(m_summary, u"historySummary"_s, tr("The selected send"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    makeSelectableByMouse(m_summary);
    m_tabs = new QTabWidget(detail);
    m_tabs->setObjectName(u"historyDetailTabs"_s);
    m_request = textView(detail, u"historyRequestView"_s, tr("Request as sent"));
    m_response = textView(detail, u"historyResponseView"_s, tr("Response"));
    m_data = textView(detail, u"historyDataView"_s, tr("Event data"));
    m_tabs->addTab(m_request, tr("Request as sent"));
    m_tabs->addTab(m_response, tr("Response"));
    m_tabs->addTab(m_data, tr("Data"));
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(actions);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(m_tabs, 1);

    QSplitter *splitter = masterDetailSplitter(Qt::Vertical, u"historySplitter"_s, m_view, detail, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
}

void HistoryPage::notify(int kind, const QString &text)
{
    m_message->showMessage(MessageBar::Kind(kind), text);
    m_message->show();
}

void HistoryPage::fillProfiles()
{
    const QString current = m_profile->currentData().toString();
    const QSignalBlocker block(m_profile);
    m_profile->clear();
    m_profile->addItem(tr("All profiles"), QString());
    if (m_context.app.history) {
        for (const auto &[id, profileName] : m_context.app.history->profiles())
            m_profile->addItem(profileName.isEmpty() ? id : profileName, id);
    }
    m_profile->setCurrentIndex(qMax(0, m_profile->findData(current)));
}

void HistoryPage::applyFilter()
{
    m_searchTimer->stop();
    HistoryFilter filter;
    filter.search = m_search->text();
    filter.profileId = m_profile->currentData().toString();
    filter.outcome = HistoryOutcome(m_outcome->currentData().toInt());
    m_model->setFilter(filter);
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
}

void HistoryPage::updateCount()
{
    const int shown = m_model->rowCount();
    if (m_model->filter().isEmpty() || !m_context.app.history)
        m_count->setText(withCount(shown == 1 ? tr("%n send") : tr("%n sends"), shown));
    else
        {
        const int all = m_context.app.history->count();
        m_count->setText(withCount(all == 1 ? tr("%1 of %n send") : tr("%1 of %n sends"), all).arg(shown));
    }
}

QList<qint64> HistoryPage::selectedIds() const
{
    QList<qint64> ids;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows)) {
        if (const qint64 id = m_model->idAt(index.row()))
            ids << id;
    }
    return ids;
}

void HistoryPage::showCurrent()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    m_currentId = current.isValid() ? m_model->idAt(current.row()) : 0;
    const auto entry = m_currentId && m_context.app.history ? m_context.app.history->entry(m_currentId)
                                                            : std::nullopt;
    if (!entry) {
        m_currentId = 0;
        m_summary->setText(tr("Select a send to see the request and the response."));
        m_request->clear();
        m_response->clear();
        m_data->clear();
        updateActions();
        return;
    }
    const QString outcome = entry->status
        ? tr("HTTP %1 %2").arg(entry->status).arg(reasonPhrase(entry->status))
        : tr("no answer");
    m_summary->setText(tr("“%1” to %2 — %3 in %4 ms — %5, %6%7")
                           .arg(entry->event, entry->channels.join(u", "_s), outcome)
                           .arg(entry->elapsedMs)
                           .arg(entry->profileName.isEmpty() ? tr("no profile") : entry->profileName,
                                QLocale().toString(entry->time.toLocalTime(), QLocale::ShortFormat),
                                entry->error.isEmpty() ? QString() : u"\n"_s + entry->error));
    m_request->setPlainText(QString::fromUtf8(entry->request));
    m_response->setPlainText((entry->status ? tr("HTTP %1 %2").arg(entry->status).arg(reasonPhrase(entry->status))
                                            : entry->error)
                             + u"\n\n"_s + pretty(entry->responseBody));
    m_data->setPlainText(pretty(entry->data));
    updateActions();
}

void HistoryPage::updateActions()
{
    const bool any = m_view->selectionModel()->hasSelection();
    m_open->setEnabled(m_currentId != 0);
    m_resendButton->setEnabled(m_currentId != 0 && !m_resend->isRunning());
    m_delete->setEnabled(any);
    m_export->setEnabled(any);
}

void HistoryPage::openInComposer()
{
    const auto entry = m_currentId ? m_context.app.history->entry(m_currentId) : std::nullopt;
    if (!entry || !m_context.navigation)
        return;
    auto *trigger = qobject_cast<TriggerPage *>(m_context.navigation->page(u"trigger"_s));
    if (!trigger) {
        notify(int(MessageBar::Kind::Warning), tr("The Trigger page is not available in this build."));
        return;
    }
    TriggerDraft draft;
    draft.event = entry->event;
    draft.channels = entry->channels;
    draft.socketId = entry->socketId;
    draft.data = entry->data;
    draft.rawText = !entry->data.isEmpty() && !isJsonText(entry->data);
    trigger->openDraft(draft);
    m_context.navigation->showPage(u"trigger"_s);
}

void HistoryPage::resend()
{
    const auto entry = m_currentId ? m_context.app.history->entry(m_currentId) : std::nullopt;
    if (!entry)
        return;
    QString problem;
    if (!m_resend->start(*entry, &problem)) {
        notify(int(MessageBar::Kind::Error), problem);
        return;
    }
    m_resendButton->setEnabled(false);
}

void HistoryPage::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !m_context.app.history)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete sends"),
                                withCount(ids.size() == 1 ? tr("Delete %n send from the history? This cannot be undone.")
                                                    : tr("Delete %n sends from the history? This cannot be undone."),
                                          int(ids.size())),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"historyDeleteConfirm"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, ids] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        const int gone = m_context.app.history->remove(ids);
        notify(int(MessageBar::Kind::Info), withCount(gone == 1 ? tr("Deleted %n send.") : tr("Deleted %n sends."), gone));
    });
    box->open();
}

void HistoryPage::exportSelected()
{
    if (!m_view->selectionModel()->hasSelection())
        return;
    openJsonLinesSaveDialog(this, u"historyExportDialog"_s, tr("Export sends as JSON lines"), u"apinator-history-"_s,
                            [this](const QString &path) { exportTo(path); });
}

bool HistoryPage::exportTo(const QString &path)
{
    const QList<qint64> ids = selectedIds();
    const QByteArray lines = m_context.app.history ? m_context.app.history->exportJsonLines(ids) : QByteArray();
    // QSaveFile: a failed export never leaves half a file in place of an older one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size() || !file.commit()) {
        notify(int(MessageBar::Kind::Error),
               tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    notify(int(MessageBar::Kind::Success),
           withCount(ids.size() == 1 ? tr("Exported %n send to %1.") : tr("Exported %n sends to %1."), int(ids.size())).arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace Apinator::Ui
