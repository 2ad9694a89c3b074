-- cases.address is the place of the problem; citizen_address (0023) is the reporter's own.
-- Every intake filed `address` from a field that named the place ("Địa chỉ cụ thể" under
-- "Xã, phường nơi xảy ra" on the portal, the web API's top-level `address` beside the
-- commune and coordinates, Open311's address_string; SMS never sets it) — except the
-- operators' call form, whose "Địa chỉ" sat beside "Họ tên người gọi" and may hold the
-- caller's own address. Which one an operator meant cannot be told now, so those addresses
-- are treated as the caller's: they stay personal data, shown and hidden exactly as before
-- (hidden for anonymous cases, their showing recorded). Every other address is the incident's
-- and is from now on shown to the officials of the case even when the reporter is anonymous.
UPDATE "cases"
SET "citizen_address" = "address", "address" = NULL
WHERE "channel" = 'call' AND "address" IS NOT NULL AND "citizen_address" IS NULL;
