import { describe, expect, it } from 'vitest';
import { isWeekend, monthWeeks, outOfRange, readDate, showDate } from '../src/lib/dates';

const EXAMPLE = 'Tulis tanggal seperti 07/12/2026.';

describe('readDate: what a clerk types, always day first', () => {
  it.each([
    ['07/12/2026', '2026-12-07'],
    ['7/12/2026', '2026-12-07'],
    ['7-12-2026', '2026-12-07'],
    ['07.12.2026', '2026-12-07'],
    ['7.12.26', '2026-12-07'],
    ['7/12/26', '2026-12-07'],
    ['07-12-26', '2026-12-07'],
    ['7 12 2026', '2026-12-07'],
    [' 7 / 12 / 2026 ', '2026-12-07'],
    ['7 Des 2026', '2026-12-07'],
    ['7 des 2026', '2026-12-07'],
    ['7 Des. 2026', '2026-12-07'],
    ['7-Des-2026', '2026-12-07'],
    ['7 Desember 2026', '2026-12-07'],
    ['07 DESEMBER 2026', '2026-12-07'],
    ['7 Desember 26', '2026-12-07'],
    ['Senin, 7 Desember 2026', '2026-12-07'],
    ['2026-12-07', '2026-12-07'],
    ['2026-1-5', '2026-01-05'],
    ['1/2/2026', '2026-02-01'],
    ['17 Agustus 2026', '2026-08-17'],
    ['17 Agt 2026', '2026-08-17'],
    ['17 Ags 2026', '2026-08-17'],
    ['1 Mei 2026', '2026-05-01'],
    ['1 Okt 2026', '2026-10-01'],
    ['10 Nopember 2026', '2026-11-10'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/99', '2099-12-31'],
    ['1/1/00', '2000-01-01'],
    ['31 Januari 2026', '2026-01-31'],
  ])('%s → %s', (typed, iso) => {
    expect(readDate(typed)).toEqual({ iso });
  });

  it('reads empty text as no date (the field was cleared)', () => {
    expect(readDate('')).toEqual({ iso: null });
    expect(readDate('   ')).toEqual({ iso: null });
  });

  it.each([
    ['31/02/2026', 'Tanggal 31/02/2026 tidak ada: Februari 2026 hanya sampai 28.'],
    ['29/02/2026', 'Tanggal 29/02/2026 tidak ada: Februari 2026 hanya sampai 28.'],
    ['30 Februari 2024', 'Tanggal 30/02/2024 tidak ada: Februari 2024 hanya sampai 29.'],
    ['31/04/2026', 'Tanggal 31/04/2026 tidak ada: April 2026 hanya sampai 30.'],
    ['32/01/2026', 'Tanggal 32/01/2026 tidak ada: Januari 2026 hanya sampai 31.'],
    ['0/01/2026', 'Tanggal 00/01/2026 tidak ada: Januari 2026 hanya sampai 31.'],
    ['2026-02-30', 'Tanggal 30/02/2026 tidak ada: Februari 2026 hanya sampai 28.'],
    ['13/13/2026', 'Tanggal 13/13/2026 tidak ada: bulan hanya 1 sampai 12.'],
    ['7/0/2026', 'Tanggal 07/00/2026 tidak ada: bulan hanya 1 sampai 12.'],
    ['2026-13-01', 'Tanggal 01/13/2026 tidak ada: bulan hanya 1 sampai 12.'],
    ['7/12/202', `Tahun “202” tidak lengkap: tulis empat angka (mis. 2026) atau dua (26). ${EXAMPLE}`],
    ['7/12/2', `Tahun “2” tidak lengkap: tulis empat angka (mis. 2026) atau dua (26). ${EXAMPLE}`],
    ['7/12/1850', 'Tahun 1850 di luar jangkauan: tulis tahun 1900 sampai 2099.'],
    ['7 Desm 2026', 'Bulan “Desm” tidak dikenal: tulis nama bulan, mis. 7 Desember 2026, atau 07/12/2026.'],
    ['abc', EXAMPLE],
    ['7/12', EXAMPLE],
    ['7/12-2026', EXAMPLE],
    ['besok', EXAMPLE],
    ['12/07/2026/1', EXAMPLE],
  ])('%s is refused: %s', (typed, error) => {
    expect(readDate(typed)).toEqual({ error });
  });

  it('never reads day and month the US way', () => {
    expect(readDate('12/07/2026')).toEqual({ iso: '2026-07-12' });
    expect(readDate('07/12/2026')).toEqual({ iso: '2026-12-07' });
  });
});

describe('showDate, outOfRange', () => {
  it('shows ISO dates day first and leaves anything else alone', () => {
    expect(showDate('2026-12-07')).toBe('07/12/2026');
    expect(showDate('')).toBe('');
    expect(showDate('7/12')).toBe('7/12');
  });

  it('names the earliest or latest day allowed', () => {
    expect(outOfRange('2020-08-31', '2020-09-01')).toBe('Tanggal paling awal 01/09/2020.');
    expect(outOfRange('2021-01-01', undefined, '2020-12-31')).toBe('Tanggal paling akhir 31/12/2020.');
    expect(outOfRange('2020-09-01', '2020-09-01', '2020-12-31')).toBeNull();
  });
});

describe('the calendar grid', () => {
  it('starts weeks on Monday and fills the edges from the months around', () => {
    const weeks = monthWeeks(2026, 12);
    expect(weeks[0]).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks.at(-1)!.at(-1)).toBe('2027-01-03');
    expect(weeks).toHaveLength(5);
    expect(monthWeeks(2021, 2)).toHaveLength(4); // 1 February 2021 was a Monday, 28 days
  });

  it('marks Saturday and Sunday as weekend', () => {
    expect(['2026-12-05', '2026-12-06'].map(isWeekend)).toEqual([true, true]);
    expect(['2026-12-07', '2026-12-11'].map(isWeekend)).toEqual([false, false]);
  });
});
