// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Import (.env and the console's own JSON) and export from the window, and a sweep of
// every file the console wrote for any secret.
#include "consolefixture.h"

#include <QDirIterator>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>

using namespace UiTest;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QByteArray GoodEnv = "# Acme, staging app\n"
                           "export APINATOR_APP_ID=4711\n"
                           "APINATOR_KEY=\"acme-key\"\n"
                           "APINATOR_SECRET='acme-secret-value'\n"
                           "\n"
                           "APINATOR_WEBHOOK_SECRET=acme-hook-value\n"
                           "APINATOR_CLUSTER=us\n"
                           "UNRELATED=1\n";

} // namespace

class TestProfileImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_config = m_dir->filePath(u"config"_s);
        m_console.emplace(m_config);
        m_console->open();
        QTRY_VERIFY(m_console->form()->secretsLoaded());
    }
    void cleanup()
    {
        m_console.reset();
        m_dir.reset();
    }

    void envImport_good_addsProfileWithSecrets()
    {
        Console &c = *m_console;
        const QString path = m_dir->filePath(u"acme/.env"_s);
        writeFile(path, GoodEnv);
        c.window->profileActions()->importFile(path);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"acme"_s}));
        const Profile p = c.store.profiles().constLast();
        QCOMPARE(p.appId, u"4711"_s);
        QCOMPARE(p.key, u"acme-key"_s);
        QCOMPARE(p.cluster, u"us"_s);
        QCOMPARE(c.secretOf(p.id).value, "acme-secret-value"_ba);
        QCOMPARE(c.secretOf(p.id, SecretKind::WebhookSecret).value, "acme-hook-value"_ba);
        QCOMPARE(c.sidebar()->currentId(), p.id);
        QCOMPARE(c.window->messages()->kind(), MessageBar::Kind::Success);
        QVERIFY2(c.window->messages()->text().contains(u"“acme”"_s), qPrintable(c.window->messages()->text()));
    }

    void envImport_throughTheFileDialog()
    {
        Console &c = *m_console;
        const QString path = m_dir->filePath(u"staging.env"_s);
        writeFile(path, GoodEnv);
        // The dialog is modal: answer it from the event loop, as a user would.
        QTimer::singleShot(0, this, [path] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->selectFile(path);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected; this calls it
        });
        c.click(u"importButton"_s);
        QTRY_COMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"staging"_s}));
    }

    void envImport_missingKey_showsDraftWithTheFieldMarked()
    {
        Console &c = *m_console;
        const QString path = m_dir->filePath(u"partial.env"_s);
        writeFile(path, "APINATOR_APP_ID=1\nAPINATOR_SECRET=s3cr3t\nAPINATOR_CLUSTER=eu\n");
        c.window->profileActions()->importFile(path);
        QCOMPARE(c.names(), QStringList{u"Local sandbox"_s}); // nothing stored yet
        QVERIFY(c.page()->isDraft());
        QCOMPARE(c.form()->shownError(ProfileField::Key), u"key is empty"_s);
        QCOMPARE(c.edit(u"appIdEdit"_s)->text(), u"1"_s);
        // Filling it in and saving stores it, secret included.
        Console::type(c.edit(u"keyEdit"_s), u"k"_s);
        c.click(u"saveButton"_s);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"partial"_s}));
        QCOMPARE(c.secretOf(c.store.profiles().constLast().id).value, "s3cr3t"_ba);
    }

    void envImport_malformed_namesTheLineAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unclosed quote") << "APINATOR_APP_ID=1\nAPINATOR_KEY=k\nAPINATOR_SECRET=\"never-closed\n"_ba
                                        << u"line 3: "_s;
        QTest::addRow("no assignment") << "APINATOR_APP_ID=1\nthis is not a variable\n"_ba << u"line 2: "_s;
        QTest::addRow("bad cluster") << "APINATOR_KEY=k\nAPINATOR_CLUSTER=EU WEST\n"_ba << u"line 2: "_s;
        QTest::addRow("nothing of ours") << "PATH=/bin\n"_ba << u"APINATOR_"_s;
    }

    void envImport_malformed_namesTheLineAndChangesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        Console &c = *m_console;
        const QByteArray before = readFile(c.store.filePath());
        const QString path = m_dir->filePath(u"broken.env"_s);
        writeFile(path, content);
        c.window->profileActions()->importFile(path);
        MessageBar *messages = c.window->messages();
        QCOMPARE(messages->kind(), MessageBar::Kind::Error);
        QVERIFY2(messages->text().startsWith(u"Nothing was imported from broken.env: "_s), qPrintable(messages->text()));
        QVERIFY2(messages->text().contains(expected), qPrintable(messages->text()));
        QVERIFY(!messages->text().contains(u"never-closed"_s)); // a secret's value stays hidden
        QCOMPARE(c.names(), QStringList{u"Local sandbox"_s});
        QVERIFY(!c.page()->isDraft());
        QCOMPARE(readFile(c.store.filePath()), before);
    }

    void export_holdsNoSecret_andImportsBack()
    {
        Console &c = *m_console;
        const QString envPath = m_dir->filePath(u"acme/.env"_s);
        writeFile(envPath, GoodEnv);
        c.window->profileActions()->importFile(envPath);
        QCOMPARE(c.store.count(), 2);
        const QString exportPath = m_dir->filePath(u"export.json"_s);
        c.window->profileActions()->exportTo(exportPath);
        QCOMPARE(c.window->messages()->kind(), MessageBar::Kind::Success);
        const QByteArray exported = readFile(exportPath);
        for (const QByteArray &secret : {"acme-secret-value"_ba, "acme-hook-value"_ba, "local-secret"_ba})
            QVERIFY2(!exported.contains(secret), secret.constData());
        const QJsonArray profiles = QJsonDocument::fromJson(exported).object().value(u"profiles"_s).toArray();
        QCOMPARE(profiles.size(), 2);
        for (const QJsonValue &p : profiles) {
            for (const QString &member : p.toObject().keys())
                QVERIFY2(!member.contains(u"secret"_s, Qt::CaseInsensitive), qPrintable(member));
        }
        // Back in: every profile again, names made unique, and a word about the secrets.
        c.window->profileActions()->importFile(exportPath);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"acme"_s, u"Local sandbox (2)"_s, u"acme (2)"_s}));
        QVERIFY2(c.window->messages()->text().contains(u"no secrets"_s), qPrintable(c.window->messages()->text()));
    }

    void jsonImport_malformed_namesLineAndColumn()
    {
        Console &c = *m_console;
        const QString path = m_dir->filePath(u"bad.json"_s);
        writeFile(path, "{\n  \"format\": \"apinator-console-profiles\",\n  \"version\": 1,\n  \"profiles\": [,]\n}\n");
        c.window->profileActions()->importFile(path);
        QCOMPARE(c.window->messages()->kind(), MessageBar::Kind::Error);
        QVERIFY2(c.window->messages()->text().contains(u"line 4"_s), qPrintable(c.window->messages()->text()));
        QCOMPARE(c.store.count(), 1);
    }

    void noSecretInAnyFileTheConsoleWrote()
    {
        Console &c = *m_console;
        const QByteArray mySecret = "zz-my-very-own-secret-zz";
        const QByteArray myHook = "zz-my-webhook-secret-zz";
        c.click(u"addProfileButton"_s);
        Console::type(c.edit(u"nameEdit"_s), u"Secretive"_s);
        Console::type(c.edit(u"appIdEdit"_s), u"1"_s);
        Console::type(c.edit(u"keyEdit"_s), u"k"_s);
        Console::type(c.edit(u"secretEdit"_s), QString::fromUtf8(mySecret));
        Console::type(c.edit(u"webhookSecretEdit"_s), QString::fromUtf8(myHook));
        c.click(u"saveButton"_s);
        QCOMPARE(c.store.count(), 2);
        const QString id = c.store.profiles().constLast().id;
        c.click(u"duplicateProfileButton"_s);
        QTRY_COMPARE(c.store.count(), 3);
        c.window->profileActions()->exportTo(m_dir->filePath(u"config/export.json"_s));
        c.window->close(); // writes the window settings too
        QVERIFY(QFile::exists(QDir(m_config).filePath(u"console.ini"_s)));
        QCOMPARE(c.secretOf(id).value, mySecret); // held by the (session) store, and only there

        int files = 0;
        for (QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
            const QString path = it.next();
            const QByteArray bytes = readFile(path);
            ++files;
            for (const QByteArray &secret : {mySecret, myHook, c.sandbox.app().secret, c.sandbox.app().webhookSecret})
                QVERIFY2(!bytes.contains(secret), qPrintable(path + u" holds a secret"_s));
        }
        QVERIFY(files >= 3); // profiles.json, console.ini, export.json
        QVERIFY(!c.window->windowTitle().contains(QString::fromUtf8(mySecret)));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_config;
    std::optional<Console> m_console;
};

QTEST_MAIN(TestProfileImport)
#include "tst_profileimport.moc"
