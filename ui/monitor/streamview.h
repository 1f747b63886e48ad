// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace Apinator {
struct RealtimeEvent;
}

namespace Apinator::Ui {

class CodeEdit;
class EventModel;
class JsonHighlighter;

// The event stream: filter (channel, event, text), pause, clear, follow (autoscroll that
// stops when the user scrolls up and resumes at the bottom), the buffer size, export as
// JSON lines, the table and the selected event's details with its data pretty-printed.
class EventStreamView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStreamView)
public:
    explicit EventStreamView(QWidget *parent = nullptr);

    EventModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    bool isFollowing() const;
    // Writes the shown (filtered) events as JSON lines; empty on success, else why not.
    QString exportTo(const QString &path) const;
    // The event shown in the details, -1 for none.
    qint64 shownSeq() const { return m_shownSeq; }

public Q_SLOTS:
    void exportWithDialog();
    void clear();

Q_SIGNALS:
    void exported(const QString &path, const QString &error);

private:
    void applyFilter();
    void updateCounts();
    void showDetail(qint64 seq);
    void rowsArrived();

    EventModel *m_model;
    QLineEdit *m_channelFilter;
    QLineEdit *m_eventFilter;
    QLineEdit *m_textFilter;
    QPushButton *m_pause;
    QPushButton *m_clear;
    QPushButton *m_export;
    QCheckBox *m_follow;
    QSpinBox *m_capacity;
    QLabel *m_counts;
    QTableView *m_table;
    QLabel *m_detailTitle;
    CodeEdit *m_detail;
    JsonHighlighter *m_highlighter = nullptr;
    QTimer *m_filterTimer;
    qint64 m_shownSeq = -1;
};

} // namespace Apinator::Ui
