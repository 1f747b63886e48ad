// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "webhooks/inspecttab.h"

#include "webhooks/secretfield.h"
#include "widgets/bytediffview.h"
#include "widgets/selectablelabel.h"

#include <apinator/rawhttp.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// The byte view renders every byte; past this it shows the start only.
constexpr qsizetype MaxViewBytes = 8 * 1024;

QPlainTextEdit *codeBox(const QString &name, const QString &accessible, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessible);
    edit->setPlaceholderText(placeholder);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    return edit;
}

// Which SDKs a cause makes reject (PROTOCOL.md's table): the reason shown beside each verdict.
bool affects(const QString &code, int sdk)
{
    if (code == u"signature_uppercase")
        return sdk == 0;
    if (code == u"timestamp_in_future")
        return sdk != 0;
    return true;
}

} // namespace

WebhookInspectTab::WebhookInspectTab(QWidget *parent)
    : QWidget(parent)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildInputs());
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({400, 600});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &WebhookInspectTab::refresh);
    for (QPlainTextEdit *edit : {m_raw, m_headers, m_body})
        connect(edit, &QPlainTextEdit::textChanged, this, [this] {
            if (!m_settingText)
                m_exactRaw.reset();
            schedule();
        });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_inputs->setCurrentIndex(index);
        schedule();
    });
    connect(m_secret, &WebhookSecretField::changed, this, &WebhookInspectTab::schedule);
    connect(m_maxAge, &QSpinBox::valueChanged, this, &WebhookInspectTab::schedule);
    connect(m_maxAgeOff, &QCheckBox::toggled, this, [this](bool off) {
        m_maxAge->setEnabled(!off);
        schedule();
    });
    connect(m_clock, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_now->setEnabled(index == 1);
        if (index == 1 && m_now->text().isEmpty())
            m_now->setText(QString::number(QDateTime::currentSecsSinceEpoch()));
        schedule();
    });
    connect(m_now, &QLineEdit::textChanged, this, &WebhookInspectTab::schedule);
    refresh();
}

QWidget *WebhookInspectTab::buildInputs()
{
    auto *box = new QWidget(this);
    m_mode = new QComboBox(box);
    m_mode->setObjectName(u"inspectModeCombo"_s);
    m_mode->setAccessibleName(tr("Input"));
    m_mode->addItems({tr("Raw request"), tr("Headers and body")});
    m_inputs = new QStackedWidget(box);
    m_raw = codeBox(u"inspectRawEdit"_s, tr("Raw request"),
                    tr("Paste the whole request: an optional request line, the headers, a blank line, the body"), box);
    m_inputs->addWidget(m_raw);
    auto *split = new QWidget(box);
    auto *splitLayout = new QVBoxLayout(split);
    splitLayout->setContentsMargins(0, 0, 0, 0);
    m_headers = codeBox(u"inspectHeadersEdit"_s, tr("Headers"), tr("Name: value, one per line"), split);
    m_body = codeBox(u"inspectBodyEdit"_s, tr("Body"), tr("The body exactly as received"), split);
    splitLayout->addWidget(new QLabel(tr("Headers"), split));
    splitLayout->addWidget(m_headers, 1);
    splitLayout->addWidget(new QLabel(tr("Body"), split));
    splitLayout->addWidget(m_body, 2);
    m_inputs->addWidget(split);

    m_secret = new WebhookSecretField(box);
    m_secret->setObjectName(u"inspectSecretField"_s);
    m_secret->typed()->setObjectName(u"inspectSecretEdit"_s);
    m_maxAge = new QSpinBox(box);
    m_maxAge->setObjectName(u"inspectMaxAgeSpin"_s);
    m_maxAge->setAccessibleName(tr("Max age in seconds"));
    m_maxAge->setRange(0, 7 * 86400);
    m_maxAge->setValue(int(DefaultWebhookMaxAgeSeconds));
    m_maxAge->setSuffix(tr(" s"));
    m_maxAgeOff = new QCheckBox(tr("Off"), box);
    m_maxAgeOff->setObjectName(u"inspectMaxAgeOffCheck"_s);
    m_maxAgeOff->setAccessibleName(tr("No freshness check"));
    auto *maxAgeRow = new QHBoxLayout;
    maxAgeRow->addWidget(m_maxAge);
    maxAgeRow->addWidget(m_maxAgeOff);
    maxAgeRow->addStretch();
    m_clock = new QComboBox(box);
    m_clock->setObjectName(u"inspectClockCombo"_s);
    m_clock->setAccessibleName(tr("Receiver's clock"));
    m_clock->addItems({tr("This computer's clock"), tr("Fixed unix time")});
    m_clock->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_clock->setMinimumContentsLength(12);
    m_now = new QLineEdit(box);
    m_now->setObjectName(u"inspectNowEdit"_s);
    m_now->setAccessibleName(tr("Fixed time, unix seconds"));
    m_now->setEnabled(false);
    auto *clockRow = new QHBoxLayout;
    clockRow->addWidget(m_clock);
    clockRow->addWidget(m_now, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("Secret"), m_secret);
    form->addRow(tr("Max age"), maxAgeRow);
    form->addRow(tr("Now"), clockRow);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    layout->addWidget(m_inputs, 1);
    layout->addLayout(form);
    return box;
}

QWidget *WebhookInspectTab::buildResults()
{
    auto *content = new QWidget;
    m_verdict = new QLabel(content);
    m_verdict->setObjectName(u"inspectVerdictLabel"_s);
    m_verdict->setAccessibleName(tr("Verdict"));
    QFont big = m_verdict->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_verdict->setFont(big);
    m_causes = new QLabel(content);
    m_causes->setObjectName(u"inspectCausesLabel"_s);
    m_causes->setAccessibleName(tr("Causes"));
    m_causes->setWordWrap(true);
    makeSelectableByMouse(m_causes);
    m_signatures = new QLabel(content);
    m_signatures->setObjectName(u"inspectSignaturesLabel"_s);
    m_signatures->setAccessibleName(tr("Expected and provided signature"));
    m_signatures->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    makeSelectableByMouse(m_signatures);
    // Long hex and sentences must not widen the pane past the window: they wrap or clip.
    for (QLabel *label : {m_verdict, m_causes, m_signatures})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_verdict->setWordWrap(true);
    m_sdk = new QTableWidget(3, 3, content);
    m_sdk->setObjectName(u"inspectSdkTable"_s);
    m_sdk->setAccessibleName(tr("Verdict of each SDK"));
    m_sdk->setHorizontalHeaderLabels({tr("SDK"), tr("Verdict"), tr("Why")});
    m_sdk->verticalHeader()->hide();
    m_sdk->horizontalHeader()->setStretchLastSection(true);
    m_sdk->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sdk->setWordWrap(true);
    m_sdk->setColumnWidth(0, 70);
    m_sdk->setColumnWidth(1, 70);
    m_sdk->setMinimumHeight(m_sdk->verticalHeader()->defaultSectionSize() * 4 + 8);
    m_eventsNote = new QLabel(content);
    m_eventsNote->setObjectName(u"inspectEventsNote"_s);
    m_eventsNote->setWordWrap(true);
    m_events = new QTableWidget(0, 3, content);
    m_events->setObjectName(u"inspectEventsTable"_s);
    m_events->setAccessibleName(tr("Events of the body"));
    m_events->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_events->verticalHeader()->hide();
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->setMinimumHeight(90);
    showEvents({}); // the column titles, before the first paste (else they read 1, 2, 3)
    m_bytes = new ByteDiffView(content);
    m_bytes->setObjectName(u"inspectByteView"_s);
    m_bytes->setAccessibleName(tr("The bytes signed"));
    m_bytes->setMinimumHeight(90);

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_verdict);
    layout->addWidget(m_causes);
    layout->addWidget(m_signatures);
    layout->addWidget(new QLabel(tr("<b>Per SDK</b>"), content));
    layout->addWidget(m_sdk);
    layout->addWidget(new QLabel(tr("<b>Events</b>"), content));
    layout->addWidget(m_eventsNote);
    layout->addWidget(m_events, 1);
    auto *bytesTitle = new QLabel(tr("<b>Signed bytes</b>: timestamp + \".\" + body"), content);
    bytesTitle->setWordWrap(true);
    bytesTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(bytesTitle);
    layout->addWidget(m_bytes, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

void WebhookInspectTab::setCandidates(const QList<WebhookCandidateSecret> &candidates)
{
    m_candidates = candidates;
    schedule();
}

void WebhookInspectTab::setRaw(const QByteArray &raw, std::optional<qint64> fixedNow)
{
    m_settingText = true;
    m_mode->setCurrentIndex(0);
    m_raw->setPlainText(QString::fromUtf8(raw));
    m_settingText = false;
    m_exactRaw = raw;
    if (fixedNow) {
        m_clock->setCurrentIndex(1);
        m_now->setText(QString::number(*fixedNow));
    }
    refresh();
}

void WebhookInspectTab::schedule()
{
    m_debounce.start();
}

void WebhookInspectTab::refresh()
{
    m_debounce.stop();
    WebhookInspectInput input;
    input.secret = m_secret->secret();
    input.candidates = m_candidates;
    if (m_maxAgeOff->isChecked())
        input.options.maxAgeSeconds = std::nullopt;
    else
        input.options.maxAgeSeconds = m_maxAge->value();
    bool nowOk = true;
    input.options.nowSeconds = m_clock->currentIndex() == 1 ? m_now->text().trimmed().toLongLong(&nowOk)
                                                            : QDateTime::currentSecsSinceEpoch();
    if (m_mode->currentIndex() == 0) {
        const QByteArray raw = m_exactRaw.value_or(m_raw->toPlainText().toUtf8());
        if (raw.trimmed().isEmpty()) {
            m_inspection = {};
            m_verdict->setText(tr("Paste a webhook request to check it"));
            m_verdict->setStyleSheet({});
            m_causes->clear();
            m_signatures->clear();
            m_eventsNote->clear();
            m_events->setRowCount(0);
            m_bytes->clearBytes();
            showSdk(m_inspection);
            return;
        }
        m_inspection = inspectRawWebhook(raw, input);
    } else {
        const QStringList lines = m_headers->toPlainText().split(u'\n');
        QString headerError;
        int lineNumber = 0;
        for (const QString &line : lines) {
            ++lineNumber;
            if (line.trimmed().isEmpty())
                continue;
            QByteArray name, value;
            if (parseHeaderLine(line.toUtf8(), &name, &value))
                input.headers.append({name, value});
            else if (headerError.isEmpty())
                headerError = tr("header line %1 is not \"Name: value\"").arg(lineNumber);
        }
        input.body = m_body->toPlainText().toUtf8();
        m_inspection = inspectWebhook(input);
        if (!headerError.isEmpty())
            m_inspection.requestError = headerError;
    }
    if (!nowOk)
        m_inspection.requestError = tr("the fixed time is not a whole number of unix seconds");
    show(m_inspection);
}

void WebhookInspectTab::show(const WebhookInspection &v)
{
    if (!v.requestError.isEmpty()) {
        m_verdict->setText(tr("Cannot read the request"));
        m_verdict->setStyleSheet(u"color: #b26b00"_s);
        m_causes->setText(v.requestError.toHtmlEscaped());
        m_signatures->clear();
        m_bytes->clearBytes();
        showSdk({});
        showEvents({});
        return;
    }
    m_verdict->setText(v.valid ? tr("Valid: every SDK accepts it") : tr("Invalid"));
    m_verdict->setStyleSheet(v.valid ? u"color: #1a7f37"_s : u"color: #c62828"_s);
    QString html;
    for (const Cause &c : v.causes)
        html += u"<li>%1 <span style='color:gray'>[%2]</span></li>"_s.arg(c.message.toHtmlEscaped(), c.code);
    for (const Cause &c : v.notes)
        html += u"<li><i>%1</i> <span style='color:gray'>[%2]</span></li>"_s.arg(c.message.toHtmlEscaped(), c.code);
    m_causes->setText(html.isEmpty() ? QString() : u"<ul style='margin-left:0'>"_s + html + u"</ul>"_s);
    const QString none = tr("(none)");
    m_signatures->setText(
        tr("expected: %1\nprovided: %2\ntimestamp: %3")
            .arg(v.expectedSignature ? QString::fromLatin1(*v.expectedSignature) : tr("(no timestamp)"),
                 v.providedSignature ? QString::fromUtf8(v.providedSignature->left(128)) : none,
                 v.timestamp ? QString::fromUtf8(v.timestamp->left(40)) : none));
    showSdk(v);
    showEvents(v.events);
    if (v.signedPayload.isEmpty()) {
        m_bytes->clearBytes();
    } else {
        const QString note = tr("No change to the body explains the mismatch, so what the sender signed is unknown.");
        const std::optional<QByteArray> sender =
            v.senderSignedPayload ? std::optional(v.senderSignedPayload->left(MaxViewBytes)) : std::nullopt;
        m_bytes->setBytes(v.signedPayload.left(MaxViewBytes), v.valid ? std::nullopt : sender,
                          tr("Signed by this check"), tr("Signed by the sender"), v.valid ? QString() : note);
    }
}

void WebhookInspectTab::showSdk(const WebhookInspection &v)
{
    const bool accepts[] = {v.sdk.python, v.sdk.node, v.sdk.go};
    const QString names[] = {u"Python"_s, u"Node"_s, u"Go"_s};
    for (int i = 0; i < 3; ++i) {
        // The code fits the column; the sentence is in the tooltip and above the table.
        QString why;
        QString whyText;
        for (const Cause &c : v.causes) {
            if (!accepts[i] && affects(c.code, i)) {
                why = c.code;
                whyText = c.message;
                break;
            }
        }
        const bool known = v.timestamp || !v.causes.isEmpty();
        m_sdk->setItem(i, 0, new QTableWidgetItem(names[i]));
        m_sdk->setItem(i, 1, new QTableWidgetItem(!known ? QString() : accepts[i] ? tr("accepts") : tr("rejects")));
        m_sdk->setItem(i, 2, new QTableWidgetItem(why));
        if (!why.isEmpty())
            m_sdk->item(i, 2)->setToolTip(whyText);
    }
    m_sdk->resizeRowsToContents();
}

void WebhookInspectTab::showEvents(const WebhookEvents &events)
{
    QStringList columns{tr("event"), tr("channel"), tr("user_id")};
    for (const WebhookEvent &e : events.events)
        for (const auto &[name, value] : e.fields)
            if (!columns.contains(name))
                columns.append(name);
    m_events->clear();
    m_events->setColumnCount(int(columns.size()));
    m_events->setHorizontalHeaderLabels(columns);
    m_events->setRowCount(int(events.events.size()));
    for (int row = 0; row < events.events.size(); ++row) {
        const WebhookEvent &e = events.events.at(row);
        m_events->setItem(row, 0, new QTableWidgetItem(e.event));
        m_events->setItem(row, 1, new QTableWidgetItem(e.channel));
        m_events->setItem(row, 2, new QTableWidgetItem(e.userId));
        for (const auto &[name, value] : e.fields)
            m_events->setItem(row, int(columns.indexOf(name)), new QTableWidgetItem(value.left(500)));
    }
    // Event names like member_added fit; a long field value does not push the rest away.
    for (int column = 0; column + 1 < m_events->columnCount(); ++column) { // the last one stretches
        m_events->resizeColumnToContents(column);
        m_events->setColumnWidth(column, qMin(m_events->columnWidth(column), 240));
    }
    QString note = events.error;
    if (events.batch)
        note = tr("A batch of %n event(s)", nullptr, int(events.events.size()))
               + (events.timeMs ? tr(", time_ms %1").arg(*events.timeMs) : QString())
               + (note.isEmpty() ? QString() : u"; "_s + note);
    m_eventsNote->setText(note);
    m_eventsNote->setVisible(!note.isEmpty());
}

} // namespace Apinator::Ui
