"""After the meeting: the minutes checked, certified (by the next meeting or by circulation), signed and published
as a frozen, digitally signed PDF (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ)."""
