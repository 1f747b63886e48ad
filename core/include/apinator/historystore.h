// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Apinator {

struct TriggerRequest;
struct RestResult;

// One event sent through the REST API, as kept in the history.
struct HistoryEntry
{
    qint64 id = 0;          // set by HistoryStore::add()
    QDateTime time;         // when it was sent (UTC); now when left invalid
    QString profileId;
    QString profileName;
    QString event;
    QStringList channels;
    QString socketId;
    QByteArray data;
    QByteArray request;     // as sent, with headers, never the secret
    int status = 0;         // HTTP status; 0 when no answer came
    QByteArray responseBody;
    qint64 elapsedMs = 0;
    QString error;          // empty on success

    bool succeeded() const { return error.isEmpty() && status >= 200 && status < 300; }
};

// The request as it went on the wire, for HistoryEntry::request: method and URL, the
// headers in order, a blank line, the body. Signed requests carry no secret to hide.
QByteArray formatRequestAsSent(const RestResult &result);
// A HistoryEntry for a trigger and its outcome (time now; profile fields left empty).
HistoryEntry historyEntryFor(const TriggerRequest &request, const RestResult &result);

enum class HistoryOutcome { Any, Success, Error };

// What the History page lists: every condition must hold. search matches the event,
// the channels or the data (substring; ASCII letters in any case, as SQLite's LIKE).
struct HistoryFilter
{
    QString search;
    QString profileId;  // empty: every profile
    HistoryOutcome outcome = HistoryOutcome::Any;

    bool isEmpty() const { return search.isEmpty() && profileId.isEmpty() && outcome == HistoryOutcome::Any; }
};

// A row of the list without its large fields (request, response, full data).
struct HistorySummary
{
    qint64 id = 0;
    QDateTime time;
    QString profileId;
    QString profileName;
    QString event;
    QStringList channels;
    QString dataPreview;  // the first characters of the data, on one line
    int status = 0;
    qint64 elapsedMs = 0;
    QString error;
    bool succeeded() const { return error.isEmpty() && status >= 200 && status < 300; }
};

// Every send kept in an SQLite database (Qt SQL, QSQLITE), in its own table of a file it
// may share with other stores (each with its own connection). WAL mode: a crash mid-write
// loses at most that write. A file SQLite cannot read is moved aside, never deleted, and
// openMessage() says where to. All calls are on the thread that created the store.
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)
public:
    explicit HistoryStore(QObject *parent = nullptr);
    ~HistoryStore() override;

    // Opens (creating when missing) the database at path. False when even a fresh file
    // cannot be made (see lastError()); a damaged file is moved aside and a new one made.
    bool open(const QString &path);
    // Remembers path and opens it on the first call that reads or writes (SQLite and its
    // Qt plugin cost a desktop program about 9 ms and 1.4 MB it may never need in a session).
    void openOnFirstUse(const QString &path);
    // Opens now when openOnFirstUse() deferred it; true when the database is open.
    bool ensureOpen() const;
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    // For the window: non-empty when open() moved a damaged file aside (names both files).
    QString openMessage() const { return m_openMessage; }
    QString movedAsidePath() const { return m_movedAside; }
    QString lastError() const { return m_lastError; }

    // Records a send; returns its id, or 0 when it could not be written (lastError()).
    qint64 add(const HistoryEntry &entry);
    std::optional<HistoryEntry> entry(qint64 id) const;
    enum class Order { NewestFirst, OldestFirst };
    // How many rows match, and a window of them (offset counted from that end).
    int count(const HistoryFilter &filter = {}) const;
    QList<HistorySummary> rows(const HistoryFilter &filter, int offset, int limit,
                               Order order = Order::NewestFirst) const;
    // Keyset page: rows older than beforeId (newest first); cheap at any depth.
    QList<HistorySummary> rowsBefore(const HistoryFilter &filter, qint64 beforeId, int limit) const;
    // Keyset page from the other end: rows newer than afterId, oldest first.
    QList<HistorySummary> rowsAfter(const HistoryFilter &filter, qint64 afterId, int limit) const;
    // The profiles that have rows: id and the latest name seen, by name.
    QList<QPair<QString, QString>> profiles() const;
    // Deletes rows; returns how many went.
    int remove(const QList<qint64> &ids);
    // One JSON object per line for each id that exists, in the order given.
    QByteArray exportJsonLines(const QList<qint64> &ids) const;
    static QByteArray toJson(const HistoryEntry &entry);

Q_SIGNALS:
    // open() moved a damaged file aside and started a new one: message is openMessage().
    void movedAside(const QString &message);
    void added(qint64 id);
    void removed(const QList<qint64> &ids);

private:
    bool openConnection(const QString &path);
    bool prepareSchema();
    void moveAside(const QString &path);
    QString m_connection; // unique per store
    QString m_path;
    QString m_deferredPath; // openOnFirstUse(): opened by the first ensureOpen()
    QString m_openMessage;
    QString m_movedAside;
    mutable QString m_lastError;
};

} // namespace Apinator
