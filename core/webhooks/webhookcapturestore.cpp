// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/rawhttp.h>
#include <apinator/webhookcapturestore.h>

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

// Header values never hold CR or LF (the HTTP layer refuses control characters), so
// "Name: value\r\n" lines keep them exactly.
QByteArray headerBlob(const HeaderList &headers)
{
    QByteArray out;
    for (const auto &[name, value] : headers)
        out.append(name).append(": ").append(value).append("\r\n");
    return out;
}

HeaderList headersFromBlob(const QByteArray &blob)
{
    HeaderList out;
    for (const QByteArray &line : blob.split('\n')) {
        QByteArray name, value;
        if (parseHeaderLine(line.trimmed(), &name, &value))
            out.append({name, value});
    }
    return out;
}

WebhookCapture fromQuery(const QSqlQuery &q)
{
    WebhookCapture c;
    c.id = q.value(0).toLongLong();
    c.received = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    c.method = q.value(2).toByteArray();
    c.target = q.value(3).toByteArray();
    c.headers = headersFromBlob(q.value(4).toByteArray());
    c.body = q.value(5).toByteArray();
    c.responseStatus = q.value(6).toInt();
    return c;
}

constexpr auto Columns = "id, received_ms, method, target, headers, body, response_status";

} // namespace

WebhookCaptureStore::WebhookCaptureStore(int maxCount)
    : m_connection(u"apinator-webhook-captures-"_s + QString::number(reinterpret_cast<quintptr>(this), 16))
    , m_maxCount(std::max(1, maxCount))
{
}

WebhookCaptureStore::~WebhookCaptureStore()
{
    close();
}

bool WebhookCaptureStore::open(const QString &dataDir, QString *error)
{
    close();
    const auto failed = [&](const QString &message) {
        m_lastError = message;
        if (error)
            *error = message;
        close();
        return false;
    };
    if (!QDir().mkpath(dataDir))
        return failed(u"cannot create the data folder %1"_s.arg(dataDir));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(QDir(dataDir).filePath(u"history.sqlite"_s));
    // Another store may hold the file for a moment: wait rather than fail.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return failed(u"cannot open the capture database: "_s + db.lastError().text());
    QSqlQuery q(db);
    for (const char *sql :
         {"PRAGMA journal_mode=WAL",
          "CREATE TABLE IF NOT EXISTS webhook_captures ("
          " id INTEGER PRIMARY KEY AUTOINCREMENT,"
          " received_ms INTEGER NOT NULL,"
          " method TEXT NOT NULL DEFAULT '',"
          " target TEXT NOT NULL DEFAULT '',"
          " headers BLOB NOT NULL DEFAULT x'',"
          " body BLOB NOT NULL DEFAULT x'',"
          " response_status INTEGER NOT NULL DEFAULT 0)"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return failed(u"cannot set up the capture table: "_s + q.lastError().text());
    }
    return true;
}

bool WebhookCaptureStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void WebhookCaptureStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool WebhookCaptureStore::add(WebhookCapture &capture)
{
    if (!isOpen())
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO webhook_captures (received_ms, method, target, headers, body, response_status) "
              u"VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(capture.received.toMSecsSinceEpoch());
    q.addBindValue(QString::fromLatin1(capture.method));
    q.addBindValue(QString::fromUtf8(capture.target));
    q.addBindValue(headerBlob(capture.headers));
    q.addBindValue(capture.body.isNull() ? QByteArray(""_ba) : capture.body);
    q.addBindValue(capture.responseStatus);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    capture.id = q.lastInsertId().toLongLong();
    QSqlQuery prune(db);
    prune.prepare(u"DELETE FROM webhook_captures WHERE id <= ?"_s);
    prune.addBindValue(capture.id - m_maxCount);
    prune.exec();
    return true;
}

QList<WebhookCapture> WebhookCaptureStore::list(int limit) const
{
    QList<WebhookCapture> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT %1 FROM webhook_captures ORDER BY id DESC LIMIT ?"_s.arg(QLatin1StringView(Columns)));
    q.addBindValue(limit);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.prepend(fromQuery(q));
    return out;
}

std::optional<WebhookCapture> WebhookCaptureStore::get(qint64 id) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT %1 FROM webhook_captures WHERE id = ?"_s.arg(QLatin1StringView(Columns)));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

int WebhookCaptureStore::count() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(u"SELECT COUNT(*) FROM webhook_captures"_s) && q.next() ? q.value(0).toInt() : 0;
}

void WebhookCaptureStore::clear()
{
    if (!isOpen())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(u"DELETE FROM webhook_captures"_s);
}

} // namespace Apinator
