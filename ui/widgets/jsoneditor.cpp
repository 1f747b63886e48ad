// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/jsoneditor.h"

#include "widgets/codeedit.h"
#include "widgets/jsonhighlighter.h"
#include "widgets/longlineview.h"
#include "widgets/selectablelabel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QRunnable>
#include <QTextBlock>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// Small documents are checked almost at once; big ones after a pause in typing, so a
// burst of keys costs one read of the document.
int debounceMs(qsizetype characters)
{
    return characters < 100000 ? 60 : 300;
}

} // namespace

QString formatBytes(qint64 bytes)
{
    const QLocale locale;
    if (bytes < 10000)
        return locale.toString(bytes) + u" B"_s;
    if (bytes < 1000 * 1000)
        return locale.toString(bytes / 1000.0, 'f', 1) + u" KB"_s;
    return locale.toString(bytes / 1000.0 / 1000.0, 'f', 2) + u" MB"_s;
}

JsonEditor::JsonEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new CodeEdit(this))
    , m_long(new LongLineView(this))
    , m_highlighter(new JsonHighlighter(m_edit->document()))
    , m_format(new QToolButton(this))
    , m_minify(new QToolButton(this))
    , m_rawSwitch(new QCheckBox(tr("Raw text"), this))
    , m_rawNotice(new QLabel(this))
    , m_status(new QLabel(this))
    , m_sizes(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_pool(new QThreadPool(this))
    , m_loadTimer(new QTimer(this))
    , m_readTimer(new QTimer(this))
{
    // One timer, so a second load replaces the first instead of running beside it.
    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(0);
    connect(m_readTimer, &QTimer::timeout, this, &JsonEditor::readNextSlice);
    m_loadTimer->setSingleShot(true);
    m_loadTimer->setInterval(0);
    connect(m_loadTimer, &QTimer::timeout, this, &JsonEditor::loadNextChunk);
    m_pool->setMaxThreadCount(1);
    // Owned here, not by the document it colours: clearCodeEdit() replaces documents.
    m_highlighter->setParent(this);
    m_edit->setObjectName(u"jsonText"_s);
    m_edit->setAccessibleName(tr("Data"));
    m_long->setObjectName(u"jsonLongLine"_s);
    m_long->setAccessibleName(tr("Data"));
    m_long->setVisible(false);
    m_format->setObjectName(u"jsonFormat"_s);
    m_format->setText(tr("Format"));
    m_format->setAccessibleName(tr("Format the JSON"));
    m_format->setToolTip(tr("Indent the JSON, keeping member order and strings as they are"));
    m_minify->setObjectName(u"jsonMinify"_s);
    m_minify->setText(tr("Minify"));
    m_minify->setAccessibleName(tr("Minify the JSON"));
    m_minify->setToolTip(tr("Remove the whitespace between tokens"));
    m_rawSwitch->setObjectName(u"jsonRawText"_s);
    m_rawSwitch->setAccessibleName(tr("Send as raw text, not JSON"));
    m_rawSwitch->setToolTip(tr("Send the data as it is, even when it is not JSON"));
    m_rawNotice->setObjectName(u"jsonRawNotice"_s);
    m_rawNotice->setWordWrap(true);
    m_rawNotice->setText(tr("Raw text: the data is sent as a plain string and is not checked as JSON. "
                            "Subscribers that parse it as JSON will fail."));
    m_rawNotice->setVisible(false);
    m_status->setObjectName(u"jsonStatus"_s);
    m_status->setWordWrap(true);
    makeSelectableByMouse(m_status);
    m_sizes->setObjectName(u"jsonSizes"_s);
    m_sizes->setAccessibleName(tr("Sizes"));

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(m_format);
    tools->addWidget(m_minify);
    tools->addWidget(m_rawSwitch);
    tools->addStretch(1);
    tools->addWidget(m_sizes);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_long, 1);
    layout->addWidget(m_rawNotice);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &JsonEditor::startCheck);
    watchDocument();
    connect(m_long, &LongLineView::textEdited, this, &JsonEditor::textChanged);
    connect(m_format, &QToolButton::clicked, this, &JsonEditor::format);
    connect(m_minify, &QToolButton::clicked, this, &JsonEditor::minify);
    connect(m_rawSwitch, &QCheckBox::toggled, this, &JsonEditor::setRawText);
    scheduleCheck();
}

JsonEditor::~JsonEditor()
{
    // Jobs post their results to this object: none may outlive it.
    m_pool->clear();
    m_pool->waitForDone();
}

void JsonEditor::watchDocument()
{
    connect(m_edit->document(), &QTextDocument::contentsChanged, this, [this] {
        if (!m_settingText)
            textChanged();
    });
}

void JsonEditor::clearCodeEdit()
{
    QTextDocument *old = m_edit->document();
    if (old->characterCount() <= ChunkedLoadThreshold) {
        m_settingText = true;
        m_edit->clear();
        m_settingText = false;
        return;
    }
    // Clearing (or destroying) megabytes of QTextDocument costs the GUI thread tens of
    // milliseconds: the CodeEdit gets a fresh document and the worker destroys the old
    // one. Unparented first, or QPlainTextEdit::setDocument() would delete it here.
    // No cursor of this thread may point into the old document while it is destroyed.
    m_highlighter->setDocument(nullptr);
    m_edit->setExtraSelections({});
    old->disconnect();
    old->setParent(nullptr);
    m_edit->setDocument(nullptr);
    m_edit->document()->setDefaultFont(m_edit->font());
    watchDocument();
    old->moveToThread(nullptr);
    // The global pool: m_pool drops queued jobs when this editor goes, which would leak it.
    QThreadPool::globalInstance()->start(QRunnable::create([old] { delete old; }));
}

void JsonEditor::textChanged()
{
    scheduleCheck();
    Q_EMIT edited();
}

bool JsonEditor::hasLongLine(QByteArrayView utf8)
{
    // Bytes, not characters: close enough for choosing a view, and memchr-fast.
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = utf8.indexOf('\n', start);
        if (end < 0)
            end = utf8.size();
        if (end - start > LongLineThreshold)
            return true;
        start = end + 1;
    }
    return false;
}

qsizetype JsonEditor::characters() const
{
    return m_longMode ? m_long->text().size() + 1 : m_edit->document()->characterCount();
}

void JsonEditor::setLongLineMode(bool on)
{
    if (m_longMode == on)
        return;
    const bool focused = (on ? static_cast<QWidget *>(m_edit) : m_long)->hasFocus();
    m_longMode = on;
    // The hidden view keeps no copy of the text.
    if (on) {
        m_loading.clear();
        m_loadTimer->stop();
        clearCodeEdit();
        m_edit->setErrorLine(0);
    } else {
        m_long->setText({});
    }
    m_edit->setVisible(!on);
    m_long->setVisible(on);
    if (focused)
        (on ? static_cast<QWidget *>(m_long) : m_edit)->setFocus();
}

void JsonEditor::showLongLine(const QString &text)
{
    setLongLineMode(true);
    m_long->setText(text);
    scheduleCheck();
    Q_EMIT edited();
}

void JsonEditor::setData(const QByteArray &utf8)
{
    if (hasLongLine(utf8)) {
        showLongLine(QString::fromUtf8(utf8));
        return;
    }
    setLongLineMode(false);
    if (utf8.size() > ChunkedLoadThreshold) {
        loadInChunks(QString::fromUtf8(utf8));
        return;
    }
    m_loading.clear();
    m_loadTimer->stop();
    m_edit->document()->setUndoRedoEnabled(true);
    m_edit->setReadOnly(false);
    m_settingText = true;
    m_edit->setPlainText(QString::fromUtf8(utf8));
    m_settingText = false;
    updateHighlighter();
    scheduleCheck();
    Q_EMIT edited();
}

void JsonEditor::loadInChunks(const QString &text)
{
    // Megabytes go in a slice per event-loop turn: one setPlainText would freeze the
    // window for seconds. The editor is read-only and the data pending meanwhile.
    if (m_highlighter->document())
        m_highlighter->setDocument(nullptr);
    m_loading = text;
    m_loadedUpTo = 0;
    ++m_generation;
    m_pending = true;
    m_debounce->stop();
    m_edit->setReadOnly(true);
    clearCodeEdit();
    m_edit->document()->setUndoRedoEnabled(false);
    m_status->setText(tr("Loading…"));
    Q_EMIT edited();
    m_loadTimer->start();
}

void JsonEditor::loadNextChunk()
{
    if (m_loading.isEmpty())
        return;
    qsizetype end = qMin(m_loadedUpTo + LoadChunk, m_loading.size());
    // Cut after a line break, so no block is laid out twice.
    if (end < m_loading.size()) {
        const qsizetype newline = m_loading.indexOf(u'\n', end);
        end = newline < 0 ? m_loading.size() : newline + 1;
    }
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    m_settingText = true;
    cursor.insertText(QStringView(m_loading).sliced(m_loadedUpTo, end - m_loadedUpTo).toString());
    m_settingText = false;
    m_loadedUpTo = end;
    if (m_loadedUpTo < m_loading.size()) {
        m_status->setText(tr("Loading… %1 %").arg(m_loadedUpTo * 100 / m_loading.size()));
        m_loadTimer->start();
        return;
    }
    m_loading.clear();
    m_edit->document()->setUndoRedoEnabled(true);
    m_edit->setReadOnly(false);
    m_edit->moveCursor(QTextCursor::Start);
    scheduleCheck();
    Q_EMIT edited();
}

QByteArray JsonEditor::data() const
{
    return (m_longMode ? m_long->text() : m_edit->toPlainText()).toUtf8();
}

void JsonEditor::setRawText(bool raw)
{
    if (m_raw == raw)
        return;
    m_raw = raw;
    if (m_rawSwitch->isChecked() != raw)
        m_rawSwitch->setChecked(raw);
    // Said once: the first time the switch goes on.
    if (raw && !m_rawNoticeShown) {
        m_rawNoticeShown = true;
        m_rawNotice->setVisible(true);
    } else if (!raw) {
        m_rawNotice->setVisible(false);
    }
    m_format->setEnabled(!raw);
    m_minify->setEnabled(!raw);
    updateStatus();
    Q_EMIT rawTextChanged(raw);
    Q_EMIT checked();
}

void JsonEditor::setBodyBytes(qint64 bytes)
{
    m_bodyBytes = bytes;
    updateStatus();
}

void JsonEditor::scheduleCheck()
{
    if (!m_loading.isEmpty())
        return; // checked once the whole text is in
    m_pending = true;
    ++m_generation; // a check already running is now stale
    m_debounce->start(debounceMs(characters()));
}

void JsonEditor::startCheck()
{
    // A small text is read at once; a big one a slice of blocks per event-loop turn
    // (reading 5 MB out of the document at once costs the window ~40 ms). The long-line
    // view's text is shared with the worker: no copy.
    if (m_longMode) {
        checkOffThread(m_long->text(), m_generation);
        return;
    }
    if (m_edit->document()->characterCount() <= ChunkedLoadThreshold) {
        m_reading.clear();
        checkOffThread(m_edit->toPlainText(), m_generation);
        return;
    }
    m_reading.clear();
    m_readingBlock = m_edit->document()->firstBlock().blockNumber();
    m_readingGeneration = m_generation;
    m_readTimer->start();
}

void JsonEditor::readNextSlice()
{
    if (m_readingGeneration != m_generation)
        return; // edited meanwhile: scheduleCheck() starts over
    QTextBlock block = m_edit->document()->findBlockByNumber(m_readingBlock);
    qsizetype budget = LoadChunk * 4;
    while (block.isValid() && budget > 0) {
        const QString text = block.text();
        m_reading += text;
        budget -= text.size() + 1;
        block = block.next();
        if (block.isValid())
            m_reading += u'\n';
    }
    if (block.isValid()) {
        m_readingBlock = block.blockNumber();
        m_readTimer->start();
        return;
    }
    const QString text = std::exchange(m_reading, QString());
    checkOffThread(text, m_generation);
}

void JsonEditor::checkOffThread(const QString &text, quint64 generation)
{
    m_pool->start(QRunnable::create([this, text, generation] {
        // UTF-8 conversion here too: it is another ~10 ms of a 5 MB text.
        const QByteArray bytes = text.toUtf8();
        const JsonText::Check check = JsonText::check(bytes);
        // Where the error is in characters (UTF-16), for the long-line view to mark.
        const qsizetype errorPosition =
            check.valid ? -1 : QString::fromUtf8(QByteArrayView(bytes).first(qMin(check.offset, bytes.size()))).size();
        // Queued to this object; the destructor waits for the pool, so `this` is alive.
        QMetaObject::invokeMethod(
            this, [this, generation, bytes, check, errorPosition] { finishCheck(generation, bytes, check, errorPosition); },
            Qt::QueuedConnection);
    }));
}

void JsonEditor::finishCheck(quint64 generation, const QByteArray &bytes, const JsonText::Check &check,
                             qsizetype errorPosition)
{
    if (generation != m_generation)
        return;
    m_pending = false;
    m_checked = bytes;
    m_check = check;
    if (m_longMode)
        m_long->setErrorPosition(check.valid || m_raw ? -1 : errorPosition);
    else
        m_edit->setErrorLine(check.valid || m_raw ? 0 : check.line);
    updateHighlighter();
    updateStatus();
    Q_EMIT checked();
}

void JsonEditor::format()
{
    relayout(true);
}

void JsonEditor::minify()
{
    relayout(false);
}

void JsonEditor::relayout(bool pretty)
{
    if (!m_loading.isEmpty())
        return; // the text is not all there yet
    // The bytes of the last check are the text when nothing is pending; else the long-line
    // view's text is shared, not copied. The worker does every O(n) step (UTF-8 both
    // ways, check, re-layout), so the GUI thread only swaps the result in.
    const QByteArray checked = m_pending ? QByteArray() : m_checked;
    const QString text = !m_pending ? QString() : m_longMode ? m_long->text() : m_edit->toPlainText();
    const quint64 generation = m_generation;
    m_status->setText(pretty ? tr("Formatting…") : tr("Minifying…"));
    m_pool->start(QRunnable::create([this, checked, text, generation, pretty] {
        const QByteArray bytes = text.isNull() ? checked : text.toUtf8();
        const JsonText::Check check = JsonText::check(bytes);
        const QByteArray out = check.valid ? (pretty ? JsonText::format(bytes) : JsonText::minify(bytes)) : QByteArray();
        const bool longLine = hasLongLine(out);
        const QString result = QString::fromUtf8(out);
        QMetaObject::invokeMethod(
            this,
            [this, generation, result, longLine, check, bytes] {
                if (!check.valid) {
                    finishCheck(generation, bytes, check);
                    m_status->setText(tr("Cannot format: %1").arg(check.text()));
                    return;
                }
                applyRelayout(generation, result, longLine);
            },
            Qt::QueuedConnection);
    }));
}

void JsonEditor::applyRelayout(quint64 generation, const QString &text, bool longLine)
{
    // The user typed meanwhile: their text wins.
    if (generation != m_generation)
        return;
    if (longLine) {
        // A minified megabyte line: swapped into the long-line view in one step.
        showLongLine(text);
        return;
    }
    const bool wasLong = m_longMode;
    setLongLineMode(false);
    if (text.size() > ChunkedLoadThreshold) {
        loadInChunks(text);
        return;
    }
    if (wasLong) {
        setData(text.toUtf8());
        return;
    }
    // One undoable edit, so Ctrl+Z brings the text back.
    QTextCursor cursor(m_edit->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    m_edit->moveCursor(QTextCursor::Start);
}

void JsonEditor::updateHighlighter()
{
    // The long-line view colours only what is on screen, at any size.
    const bool wanted = !m_longMode && m_edit->document()->characterCount() <= HighlightLimit;
    if (wanted && !m_highlighter->document())
        m_highlighter->setDocument(m_edit->document());
    else if (!wanted && m_highlighter->document())
        m_highlighter->setDocument(nullptr);
}

void JsonEditor::updateStatus()
{
    QString sizes = tr("data %1").arg(formatBytes(m_checked.size()));
    if (m_bodyBytes >= 0)
        sizes += u" · "_s + tr("body %1").arg(formatBytes(m_bodyBytes));
    m_sizes->setText(sizes);
    if (!m_loading.isEmpty())
        return; // the progress stays
    if (m_pending) {
        m_status->setText(tr("Checking…"));
        m_status->setStyleSheet({});
    } else if (m_raw) {
        m_status->setText(m_check.valid ? tr("Raw text (this text is also valid JSON)")
                                        : tr("Raw text: sent as a string that is not JSON"));
        m_status->setStyleSheet({});
    } else if (m_check.valid) {
        QString text = tr("Valid JSON");
        if (!m_longMode && m_edit->document()->characterCount() > HighlightLimit)
            text += u" · "_s + tr("highlighting is off above %1").arg(formatBytes(HighlightLimit));
        m_status->setText(text);
        m_status->setStyleSheet({});
    } else {
        m_status->setText(tr("Not valid JSON: %1").arg(m_check.text()));
        m_status->setStyleSheet(u"color: #c62828;"_s);
    }
    m_status->setAccessibleName(m_status->text());
}

} // namespace Apinator::Ui
