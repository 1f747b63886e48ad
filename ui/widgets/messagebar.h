// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace Apinator::Ui {

// An inline banner: an icon, a sentence, optional action buttons and a close button.
// Tinted from the palette so it reads in light and dark themes.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)
public:
    enum class Kind { Info, Success, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows the bar with this text; removes the actions of the previous message.
    void showMessage(Kind kind, const QString &text);
    // A button after the text; clicking it runs the slot (the bar stays open unless it hides itself).
    QPushButton *addAction(const QString &text, const QString &accessibleName = {});
    void setClosable(bool closable);

    Kind kind() const { return m_kind; }
    QString text() const;

Q_SIGNALS:
    void closed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void ensureBuilt();
    void applyColours();

    Kind m_kind = Kind::Info;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QHBoxLayout *m_actions = nullptr;
    QToolButton *m_close = nullptr;
    bool m_closable = true;
    bool m_applying = false;
};

} // namespace Apinator::Ui
