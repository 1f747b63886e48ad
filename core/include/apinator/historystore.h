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

// Every send the console made, searchable: the History page lists it, the Trigger page adds
// to it. SqlHistoryStore (sqlhistorystore.h) keeps it in SQLite; the console reaches that
// through its parts module, opened on the first read or write, so this interface and its
// signals carry no SQL. All calls are on the thread that created the store.
class HistoryStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)
public:
    ~HistoryStore() override;

    // Opens (creating when missing) the database at path. False when even a fresh file
    // cannot be made (see lastError()); a damaged file is moved aside and a new one made.
    virtual bool open(const QString &path) = 0;
    // Remembers path and opens it on the first call that reads or writes (SQLite and its
    // Qt plugin cost a desktop program about 9 ms and 1.4 MB it may never need in a session).
    virtual void openOnFirstUse(const QString &path) = 0;
    // Opens now when openOnFirstUse() deferred it; true when the database is open.
    virtual bool ensureOpen() const = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual QString path() const = 0;
    // For the window: non-empty when open() moved a damaged file aside (names both files).
    virtual QString openMessage() const = 0;
    virtual QString movedAsidePath() const = 0;
    virtual QString lastError() const = 0;

    // Records a send; returns its id, or 0 when it could not be written (lastError()).
    virtual qint64 add(const HistoryEntry &entry) = 0;
    virtual std::optional<HistoryEntry> entry(qint64 id) const = 0;
    enum class Order { NewestFirst, OldestFirst };
    // How many rows match, and a window of them (offset counted from that end).
    virtual int count(const HistoryFilter &filter = {}) const = 0;
    virtual QList<HistorySummary> rows(const HistoryFilter &filter, int offset, int limit,
                                       Order order = Order::NewestFirst) const = 0;
    // Keyset page: rows older than beforeId (newest first); cheap at any depth.
    virtual QList<HistorySummary> rowsBefore(const HistoryFilter &filter, qint64 beforeId, int limit) const = 0;
    // Keyset page from the other end: rows newer than afterId, oldest first.
    virtual QList<HistorySummary> rowsAfter(const HistoryFilter &filter, qint64 afterId, int limit) const = 0;
    // The profiles that have rows: id and the latest name seen, by name.
    virtual QList<QPair<QString, QString>> profiles() const = 0;
    // Deletes rows; returns how many went.
    virtual int remove(const QList<qint64> &ids) = 0;
    // One JSON object per line for each id that exists, in the order given.
    virtual QByteArray exportJsonLines(const QList<qint64> &ids) const = 0;
    static QByteArray toJson(const HistoryEntry &entry);

Q_SIGNALS:
    // open() moved a damaged file aside and started a new one: message is openMessage().
    void movedAside(const QString &message);
    void added(qint64 id);
    void removed(const QList<qint64> &ids);

protected:
    explicit HistoryStore(QObject *parent = nullptr);
};

} // namespace Apinator
