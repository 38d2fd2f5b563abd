import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wallClock, zoneOffsetForLocal } from '../../src/extract/timezone.js';

test('zone offsets at a local time follow daylight saving, asked once or again (the second answer is remembered)', () => {
  for (let round = 0; round < 2; round++) {
    // New York: EST in January, EDT in July; Shanghai has no DST; the same instants asked of two zones do not mix.
    assert.equal(zoneOffsetForLocal('America/New_York', 2024, 1, 15, 12, 0, 0), -300);
    assert.equal(zoneOffsetForLocal('Asia/Shanghai', 2024, 1, 15, 12, 0, 0), 480);
    assert.equal(zoneOffsetForLocal('America/New_York', 2024, 7, 15, 12, 0, 0), -240);
    assert.equal(zoneOffsetForLocal('Asia/Shanghai', 2024, 7, 15, 12, 0, 0), 480);
    // Just after the spring-forward switch (2024-03-10 03:30 local is EDT), and before it (01:30 is EST).
    assert.equal(zoneOffsetForLocal('America/New_York', 2024, 3, 10, 3, 30, 0), -240);
    assert.equal(zoneOffsetForLocal('America/New_York', 2024, 3, 10, 1, 30, 0), -300);
    assert.equal(zoneOffsetForLocal('Not/A_Zone', 2024, 3, 10, 1, 30, 0), 0);
  }
  assert.deepEqual(wallClock('Asia/Shanghai', Date.UTC(2024, 0, 15, 20, 5, 9)), { year: 2024, month: 1, day: 16, hour: 4, minute: 5, second: 9 });
});

test('many distinct instants (past the remembered ones) still give exact offsets', () => {
  for (let i = 0; i < 5000; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const expected = month >= 4 && month <= 10 ? -240 : month === 12 || month <= 2 ? -300 : undefined;
    const got = zoneOffsetForLocal('America/New_York', 2023, month, day, 12, i % 60, 0);
    if (expected !== undefined) assert.equal(got, expected, `2023-${month}-${day}`);
  }
});
