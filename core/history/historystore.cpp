// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/sqlhistorystore.h>

#include "historysql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

// The large fields live in their own table, so that listing and paging read narrow rows.
const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS sends ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " time_ms INTEGER NOT NULL,"
    " profile_id TEXT NOT NULL DEFAULT '',"
    " profile_name TEXT NOT NULL DEFAULT '',"
    " event TEXT NOT NULL DEFAULT '',"
    " channels TEXT NOT NULL DEFAULT '',"
    " socket_id TEXT NOT NULL DEFAULT '',"
    " data_preview TEXT NOT NULL DEFAULT '',"
    " status INTEGER NOT NULL DEFAULT 0,"
    " elapsed_ms INTEGER NOT NULL DEFAULT 0,"
    " error TEXT NOT NULL DEFAULT '',"
    " ok INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS send_payloads ("
    " id INTEGER PRIMARY KEY,"
    " data BLOB NOT NULL DEFAULT x'',"
    " request BLOB NOT NULL DEFAULT x'',"
    " response BLOB NOT NULL DEFAULT x'')",
    "CREATE INDEX IF NOT EXISTS sends_by_profile ON sends(profile_id, id)",
    "CREATE INDEX IF NOT EXISTS sends_by_outcome ON sends(ok, id)",
};

constexpr int kPreviewChars = 160;

QString preview(const QByteArray &data)
{
    QString text = QString::fromUtf8(data.left(kPreviewChars * 4)).left(kPreviewChars);
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return text;
}

} // namespace

SqlHistoryStore::SqlHistoryStore(QObject *parent)
    : HistoryStore(parent)
    , m_connection(u"apinator-history-"_s + QString::number(reinterpret_cast<quintptr>(this), 16))
{
}

SqlHistoryStore::~SqlHistoryStore()
{
    close();
}

bool SqlHistoryStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void SqlHistoryStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

void SqlHistoryStore::openOnFirstUse(const QString &path)
{
    close();
    m_path = path;
    m_deferredPath = path;
}

bool SqlHistoryStore::ensureOpen() const
{
    if (!m_deferredPath.isEmpty()) {
        // Logically const: a reader asks for rows; that the file opens first is ours to hide.
        auto *self = const_cast<SqlHistoryStore *>(this);
        const QString path = std::exchange(self->m_deferredPath, QString());
        self->open(path);
    }
    return isOpen();
}

bool SqlHistoryStore::open(const QString &path)
{
    close();
    m_deferredPath.clear();
    m_path = path;
    m_openMessage.clear();
    m_movedAside.clear();
    m_lastError.clear();
    if (openConnection(path) && prepareSchema())
        return true;
    // SQLite opens anything lazily; a file it cannot read fails only at the first statement.
    // Then it is kept for the user under another name and a fresh database takes its place.
    const QString firstError = m_lastError;
    close();
    if (!QFileInfo::exists(path) || QFileInfo(path).isDir())
        return false;
    moveAside(path);
    if (m_movedAside.isEmpty())
        return false;
    if (!openConnection(path) || !prepareSchema()) {
        close();
        return false;
    }
    m_openMessage = tr("The history database %1 could not be read (%2); it was moved aside to %3 "
                       "and a new, empty history was started.")
                        .arg(QDir::toNativeSeparators(path), firstError, QDir::toNativeSeparators(m_movedAside));
    Q_EMIT movedAside(m_openMessage);
    return true;
}

bool SqlHistoryStore::openConnection(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    // Another store (webhook captures) writes to the same file on its own connection.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        m_lastError = db.lastError().text();
        return false;
    }
    return true;
}

bool SqlHistoryStore::prepareSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // WAL: a crash mid-write leaves the last committed state; readers never block the writer.
    if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next()) {
        m_lastError = q.lastError().text();
        return false;
    }
    if (q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        m_lastError = tr("could not switch to WAL mode (journal mode is %1)").arg(q.value(0).toString());
        return false;
    }
    // NORMAL is crash-safe in WAL mode (only a power cut may lose the last commits).
    q.exec(u"PRAGMA synchronous=NORMAL"_s);
    for (const char *statement : kSchema) {
        if (!q.exec(QString::fromLatin1(statement))) {
            m_lastError = q.lastError().text();
            return false;
        }
    }
    // Reads the schema back: a file with a damaged first page fails here, not later.
    if (!q.exec(u"SELECT count(*) FROM sends WHERE id = 0"_s) || !q.next()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

void SqlHistoryStore::moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = path + u".corrupt-"_s + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + u".corrupt-"_s + stamp + u'-' + QString::number(n);
    if (!QFile::rename(path, target)) {
        m_lastError = tr("%1 could not be read and could not be moved aside: %2").arg(path, m_lastError);
        return;
    }
    // The journal files belong to the damaged file: they go with it, or SQLite would replay them.
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    m_movedAside = target;
}

qint64 SqlHistoryStore::add(const HistoryEntry &entry)
{
    if (!ensureOpen()) {
        m_lastError = tr("the history database is not open");
        return 0;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // A null QString binds as NULL: coalesce() keeps the columns NOT NULL.
    // Both rows or neither: a crash between them must not leave a row without its payload.
    if (!db.transaction()) {
        m_lastError = db.lastError().text();
        return 0;
    }
    const QDateTime time = entry.time.isValid() ? entry.time : QDateTime::currentDateTimeUtc();
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO sends (time_ms, profile_id, profile_name, event, channels, socket_id, data_preview,"
              " status, elapsed_ms, error, ok) VALUES (?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''),"
              " coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), ?, ?, coalesce(?, ''), ?)"_s);
    q.addBindValue(time.toMSecsSinceEpoch());
    q.addBindValue(entry.profileId);
    q.addBindValue(entry.profileName);
    q.addBindValue(entry.event);
    q.addBindValue(HistorySql::joinChannels(entry.channels));
    q.addBindValue(entry.socketId);
    q.addBindValue(preview(entry.data));
    q.addBindValue(entry.status);
    q.addBindValue(entry.elapsedMs);
    q.addBindValue(entry.error);
    q.addBindValue(entry.succeeded() ? 1 : 0);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        db.rollback();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery p(db);
    p.prepare(u"INSERT INTO send_payloads (id, data, request, response) VALUES (?, ?, ?, ?)"_s);
    p.addBindValue(id);
    p.addBindValue(entry.data.isNull() ? QByteArray(""_ba) : entry.data);
    p.addBindValue(entry.request.isNull() ? QByteArray(""_ba) : entry.request);
    p.addBindValue(entry.responseBody.isNull() ? QByteArray(""_ba) : entry.responseBody);
    if (!p.exec() || !db.commit()) {
        m_lastError = p.lastError().isValid() ? p.lastError().text() : db.lastError().text();
        db.rollback();
        return 0;
    }
    Q_EMIT added(id);
    return id;
}

int SqlHistoryStore::remove(const QList<qint64> &ids)
{
    if (ids.isEmpty() || !ensureOpen())
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    QSqlQuery q(db);
    QSqlQuery p(db);
    q.prepare(u"DELETE FROM sends WHERE id = ?"_s);
    p.prepare(u"DELETE FROM send_payloads WHERE id = ?"_s);
    QList<qint64> gone;
    for (qint64 id : ids) {
        q.addBindValue(id);
        p.addBindValue(id);
        if (!q.exec() || !p.exec()) {
            m_lastError = q.lastError().isValid() ? q.lastError().text() : p.lastError().text();
            db.rollback();
            return 0;
        }
        if (q.numRowsAffected() > 0)
            gone << id;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        db.rollback();
        return 0;
    }
    if (!gone.isEmpty())
        Q_EMIT removed(gone);
    return int(gone.size());
}

} // namespace Apinator

#include "apinator/moc_sqlhistorystore.cpp" // not in mocs_compilation: see core/CMakeLists.txt
