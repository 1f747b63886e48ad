// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "monitor/streamview.h"

#include "monitor/eventmodel.h"
#include "widgets/codeedit.h"
#include "widgets/icons.h"
#include "widgets/jsonhighlighter.h"
#include "widgets/jsontext.h"
#include "widgets/savedialog.h"
#include "widgets/selectablelabel.h"
#include "widgets/widgethelpers.h"

#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
constexpr int FilterDelayMs = 250;
// Highlighting megabytes costs more than it helps: plain text above this.
constexpr qsizetype HighlightBytes = 256 * 1024;

QLineEdit *filterEdit(const QString &name, const QString &accessible, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    setNames(edit, name, accessible);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}
} // namespace

EventStreamView::EventStreamView(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventModel(this))
    , m_channelFilter(filterEdit(u"monitorChannelFilter"_s, tr("Filter by channel"), tr("Channel contains"), this))
    , m_eventFilter(filterEdit(u"monitorEventFilter"_s, tr("Filter by event name"), tr("Event contains"), this))
    , m_textFilter(filterEdit(u"monitorTextFilter"_s, tr("Filter by data text"), tr("Data contains (exact case)"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_clear(new QPushButton(icon(u"delete"_s), tr("C&lear"), this))
    , m_export(new QPushButton(icon(u"export"_s), tr("E&xport…"), this))
    , m_follow(new QCheckBox(tr("&Follow"), this))
    , m_capacity(new QSpinBox(this))
    , m_counts(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detailTitle(new QLabel(this))
    , m_detail(new CodeEdit(this))
    , m_filterTimer(new QTimer(this))
{
    setNames(m_pause, u"monitorPauseButton"_s, tr("Pause the stream"));
    setNames(m_clear, u"monitorClearButton"_s, tr("Clear the events"));
    setNames(m_export, u"monitorExportButton"_s, tr("Export the shown events as JSON lines"));
    setNames(m_follow, u"monitorFollowCheck"_s, tr("Follow new events"));
    setNames(m_capacity, u"monitorCapacity"_s, tr("Events kept at most"));
    setNames(m_counts, u"monitorCounts"_s, tr("Event counts"));
    setNames(m_table, u"monitorEvents"_s, tr("Events received"));
    setNames(m_detailTitle, u"monitorDetailTitle"_s, tr("Selected event"));
    setNames(m_detail, u"monitorDetailData"_s, tr("Data of the selected event"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stops adding rows; events keep arriving and are counted"));
    m_export->setToolTip(tr("The events shown (the filter applies), one JSON object per line"));
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Scroll to each new event; scrolling up stops, scrolling to the bottom resumes"));
    m_capacity->setRange(1000, 1000000);
    m_capacity->setSingleStep(10000);
    m_capacity->setValue(EventStore::DefaultCapacity);
    m_capacity->setGroupSeparatorShown(true);
    m_capacity->setPrefix(tr("Keep "));
    m_capacity->setToolTip(tr("The oldest events are dropped beyond this many"));
    m_counts->setTextFormat(Qt::PlainText);
    m_detailTitle->setTextFormat(Qt::PlainText);
    m_detailTitle->setWordWrap(true);
    makeSelectableByMouse(m_detailTitle);
    m_detail->setReadOnly(true);
    m_detail->setTabChangesFocus(true);
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_highlighter = new JsonHighlighter(m_detail->document());
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(FilterDelayMs);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    // Fixed rows and columns: nothing is measured per row, whatever the row count.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    const int digit = m_table->fontMetrics().horizontalAdvance(u'0');
    header->resizeSection(EventModel::Time, digit * 13);
    header->resizeSection(EventModel::Channel, digit * 15);
    header->resizeSection(EventModel::Event, digit * 15);
    header->resizeSection(EventModel::Size, digit * 7);
    header->resizeSection(EventModel::RoundTrip, digit * 10);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_channelFilter, 2);
    filters->addWidget(m_eventFilter, 2);
    filters->addWidget(m_textFilter, 3);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_pause);
    controls->addWidget(m_clear);
    controls->addWidget(m_export);
    controls->addWidget(m_follow);
    controls->addWidget(m_capacity);
    controls->addWidget(m_counts, 1);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detail, 1);
    QSplitter *split = masterDetailSplitter(Qt::Vertical, u"monitorStreamSplitter"_s, m_table, detail, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    for (QLineEdit *edit : {m_channelFilter, m_eventFilter, m_textFilter}) {
        connect(edit, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &EventStreamView::applyFilter);
    }
    connect(m_filterTimer, &QTimer::timeout, this, &EventStreamView::applyFilter);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
        m_pause->setAccessibleName(paused ? tr("Resume the stream") : tr("Pause the stream"));
        m_model->setPaused(paused);
    });
    connect(m_clear, &QPushButton::clicked, this, &EventStreamView::clear);
    connect(m_export, &QPushButton::clicked, this, &EventStreamView::exportWithDialog);
    connect(m_capacity, &QSpinBox::editingFinished, this, [this] { m_model->setCapacity(m_capacity->value()); });
    connect(m_model, &EventModel::countsChanged, this, &EventStreamView::updateCounts);
    connect(m_model, &EventModel::filteringFinished, this, &EventStreamView::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventStreamView::rowsArrived);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showDetail(-1); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        // A round trip just found for the event on show.
        for (int row = from.row(); m_shownSeq >= 0 && row <= to.row(); ++row)
            if (m_model->seqAt(row) == m_shownSeq)
                showDetail(m_shownSeq);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDetail(current.isValid() ? m_model->seqAt(current.row()) : -1); });
    // At the bottom the view follows; scrolled up by the user it stays where it is.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const bool atBottom = value >= m_table->verticalScrollBar()->maximum();
        if (atBottom != m_follow->isChecked())
            m_follow->setChecked(atBottom);
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_table->scrollToBottom();
    });
    showDetail(-1);
    updateCounts();
}

bool EventStreamView::isFollowing() const
{
    return m_follow->isChecked();
}

void EventStreamView::applyFilter()
{
    m_filterTimer->stop();
    EventFilter filter;
    filter.channel = m_channelFilter->text().trimmed();
    filter.event = m_eventFilter->text().trimmed();
    filter.text = m_textFilter->text().toUtf8();
    const EventFilter &now = m_model->filter();
    if (filter.channel == now.channel && filter.event == now.event && filter.text == now.text)
        return;
    m_model->setFilter(filter);
}

void EventStreamView::rowsArrived()
{
    if (m_follow->isChecked() && isVisible())
        m_table->scrollToBottom();
}

void EventStreamView::clear()
{
    m_model->clear();
    m_follow->setChecked(true);
}

void EventStreamView::updateCounts()
{
    const QLocale locale;
    const EventStore *store = m_model->store();
    QStringList parts;
    parts << tr("%1 received").arg(locale.toString(m_model->received()));
    parts << tr("%1 kept").arg(locale.toString(store->size()));
    if (store->dropped() > 0)
        parts << tr("%1 oldest dropped").arg(locale.toString(store->dropped()));
    if (!m_model->filter().isEmpty())
        parts << tr("%1 match").arg(locale.toString(m_model->rowCount()));
    if (m_model->isPaused())
        parts << tr("paused, %1 waiting").arg(locale.toString(m_model->held()));
    if (m_model->isFiltering() && !m_model->isPaused())
        parts << tr("filtering…");
    m_counts->setText(parts.join(u" · "_s));
}

void EventStreamView::showDetail(qint64 seq)
{
    const EventStore *store = m_model->store();
    if (seq < 0 || !store->contains(seq)) {
        m_shownSeq = -1;
        m_detailTitle->setText(tr("Select an event to see its data."));
        m_detail->clear();
        return;
    }
    const bool same = seq == m_shownSeq;
    m_shownSeq = seq;
    const EventStore::Record &r = store->record(seq);
    QStringList about{EventModel::timeText(r.receivedMsecs), store->name(r.channel), store->name(r.event),
                      tr("%1 bytes").arg(QLocale().toString(r.size))};
    if (r.user)
        about << tr("from user %1").arg(store->name(r.user));
    if (r.flags & EventStore::Matched)
        about << tr("round trip %1 ms").arg(r.latencyMs);
    if (r.flags & EventStore::Excluded)
        about << tr("ARRIVED ALTHOUGH ITS SEND EXCLUDED THIS CONNECTION");
    m_detailTitle->setText(about.join(u" · "_s));
    if (same)
        return;
    const QByteArray data = store->data(seq);
    const bool json = JsonText::check(data).valid;
    m_detail->document()->setUndoRedoEnabled(false);
    // Plain text is not coloured as if it were JSON.
    m_highlighter->setDocument(json ? m_detail->document() : nullptr);
    m_detail->setPlainText(QString::fromUtf8(json && data.size() <= HighlightBytes ? JsonText::format(data) : data));
}

QString EventStreamView::exportTo(const QString &path) const
{
    // QSaveFile: a failed export never leaves half a file in place of an older one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    QByteArray chunk;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        chunk += m_model->jsonLine(m_model->seqAt(row));
        chunk += '\n';
        if (chunk.size() >= 1 << 20) {
            if (file.write(chunk) != chunk.size())
                return file.errorString();
            chunk.clear();
        }
    }
    if (file.write(chunk) != chunk.size() || !file.commit())
        return file.errorString();
    return {};
}

void EventStreamView::exportWithDialog()
{
    openJsonLinesSaveDialog(this, u"monitorExportDialog"_s, tr("Export events as JSON lines"), u"apinator-events-"_s,
                            [this](const QString &path) {
                                const QString error = exportTo(path);
                                Q_EMIT exported(path, error);
                            });
}

} // namespace Apinator::Ui
