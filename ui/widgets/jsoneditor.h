// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/jsontext.h"

#include <QByteArray>
#include <QWidget>

class QCheckBox;
class QLabel;
class QThreadPool;
class QTimer;
class QToolButton;

namespace Apinator::Ui {

class CodeEdit;
class JsonHighlighter;
class LongLineView;

// A JSON text editor: highlighting, line numbers, bracket matching, Format and Minify,
// validation that names the line and column of the first error, a raw-text switch for
// data that is not JSON, and the size in bytes. Validation and formatting run on a
// worker thread after a short pause in typing, so megabytes stay smooth. A text with a
// line longer than LongLineThreshold (minified JSON) is shown in a LongLineView instead
// of the CodeEdit, which would lay out and colour that line whole on every keystroke.
class JsonEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonEditor)
public:
    explicit JsonEditor(QWidget *parent = nullptr);
    ~JsonEditor() override;

    // Replaces the text (not undoable).
    void setData(const QByteArray &utf8);
    // The text now, as UTF-8 (reads the whole document: not for every keystroke).
    QByteArray data() const;
    // The bytes of the last finished check; equals data() when !isPending().
    const QByteArray &checkedData() const { return m_checked; }
    // True from an edit until its check has finished.
    bool isPending() const { return m_pending; }
    const JsonText::Check &check() const { return m_check; }
    // Valid JSON, or raw text (anything goes); false while pending.
    bool isAcceptable() const { return !m_pending && (m_raw || m_check.valid); }

    bool isRawText() const { return m_raw; }
    void setRawText(bool raw);

    // Shown beside the data size ("body 1,234 B"); -1 hides it.
    void setBodyBytes(qint64 bytes);

    void format();
    void minify();

    CodeEdit *editor() const { return m_edit; }
    LongLineView *longLineView() const { return m_long; }
    // True while the text is shown in the long-line view.
    bool isLongLineMode() const { return m_longMode; }
    static constexpr qsizetype LongLineThreshold = 64 * 1024;
    static bool hasLongLine(QByteArrayView utf8);

    // Highlighting is switched off above this many characters: colouring megabytes costs
    // seconds at load, and plain text stays responsive.
    static constexpr int HighlightLimit = 1 << 20;
    // Texts longer than this load (and Format / Minify) a slice at a time; not undoable.
    static constexpr qsizetype ChunkedLoadThreshold = 256 * 1024;
    static constexpr qsizetype LoadChunk = 64 * 1024;
    bool isLoading() const { return !m_loading.isEmpty(); }

Q_SIGNALS:
    // The text changed; a check follows.
    void edited();
    // A check finished: check(), checkedData() and isAcceptable() are current.
    void checked();
    void rawTextChanged(bool raw);

private:
    void scheduleCheck();
    void startCheck();
    void finishCheck(quint64 generation, const QByteArray &bytes, const JsonText::Check &check,
                     qsizetype errorPosition = -1);
    void relayout(bool pretty);
    void applyRelayout(quint64 generation, const QString &text, bool longLine);
    void loadInChunks(const QString &text);
    void loadNextChunk();
    void readNextSlice();
    void checkOffThread(const QString &text, quint64 generation);
    void setLongLineMode(bool on);
    void showLongLine(const QString &text);
    void textChanged();
    void watchDocument();
    void clearCodeEdit();
    qsizetype characters() const;
    void updateHighlighter();
    void updateStatus();

    CodeEdit *m_edit;
    LongLineView *m_long;
    JsonHighlighter *m_highlighter;
    QToolButton *m_format;
    QToolButton *m_minify;
    QCheckBox *m_rawSwitch;
    QLabel *m_rawNotice;
    QLabel *m_status;
    QLabel *m_sizes;
    QTimer *m_debounce;
    QThreadPool *m_pool;
    QTimer *m_loadTimer;
    QTimer *m_readTimer;
    QString m_reading; // the text read so far for a check
    int m_readingBlock = 0;
    quint64 m_readingGeneration = 0;
    QByteArray m_checked;
    QString m_loading; // the text still being loaded, empty when done
    qsizetype m_loadedUpTo = 0;
    JsonText::Check m_check;
    quint64 m_generation = 0;
    qint64 m_bodyBytes = -1;
    bool m_pending = false;
    bool m_raw = false;
    bool m_rawNoticeShown = false;
    bool m_settingText = false;
    bool m_longMode = false;
};

// "1,234 B", "12.3 KB", "5.1 MB"
QString formatBytes(qint64 bytes);

} // namespace Apinator::Ui
