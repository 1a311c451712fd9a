import { describe, expect, it } from 'vitest';
import { formErrors } from '../src/lib/errors';
import { formatTanggal, fullName, hariPendek, tanggalPendek } from '../src/lib/format';
import { selfAndDescendants, unitTree } from '../src/lib/units';
import type { Unit } from '../src/lib/types';

describe('formatTanggal', () => {
  it('writes dates the Indonesian way', () => {
    expect(formatTanggal('2020-05-25')).toBe('Senin, 25 Mei 2020');
    expect(formatTanggal('2020-01-01')).toBe('Rabu, 1 Januari 2020');
    expect(formatTanggal('2021-08-17')).toBe('Selasa, 17 Agustus 2021');
    expect(formatTanggal('2020-12-27')).toBe('Minggu, 27 Desember 2020');
  });

  it('leaves anything that is not a real date unchanged', () => {
    expect(formatTanggal('2020-02-30')).toBe('2020-02-30');
    expect(formatTanggal('kemarin')).toBe('kemarin');
  });
});

describe('short dates of the roster grid', () => {
  it('abbreviates the weekday and the month', () => {
    expect(hariPendek('2020-03-30')).toBe('Sen');
    expect(hariPendek('2020-04-05')).toBe('Min');
    expect(tanggalPendek('2020-08-17')).toBe('17 Agu 2020');
    expect(tanggalPendek('2020-05-01', false)).toBe('1 Mei');
    expect(tanggalPendek('2020-02-30')).toBe('2020-02-30');
  });
});

describe('fullName', () => {
  it('puts the titles around the name', () => {
    expect(fullName({ front_title: 'dr.', name: 'Sari Wulandari', back_title: 'M.Kes.' })).toBe('dr. Sari Wulandari, M.Kes.');
    expect(fullName({ front_title: '', name: 'Agus Salim', back_title: '' })).toBe('Agus Salim');
  });
});

describe('formErrors', () => {
  it('puts a known field error next to the field and the rest on top', () => {
    const nip = { code: 'nip_panjang', field: 'nip', message: 'NIP harus 18 digit, yang diisi 3 digit.' };
    expect(formErrors(nip, ['nip'])).toEqual({ fields: { nip: nip.message }, top: null });
    expect(formErrors(nip, ['name']).top?.message).toBe(nip.message);
    expect(formErrors('gagal', ['name']).top?.message).toBe('gagal');
    expect(formErrors(undefined, []).top?.message).toMatch(/kesalahan/);
  });
});

describe('unit tree', () => {
  const unit = (id: number, parent_id: number | null, name: string): Unit => ({
    id,
    agency_id: 1,
    parent_id,
    name,
    kind: 'bidang',
    kind_label: 'Bidang',
    employee_count: 0,
  });
  const units = [unit(3, 1, 'Subbagian Umum'), unit(1, null, 'Sekretariat'), unit(2, null, 'Bidang Mutasi'), unit(4, 3, 'Urusan Arsip')];

  it('lists each parent followed by its sub-units', () => {
    expect(unitTree(units).map((n) => `${n.depth}:${n.unit.name}`)).toEqual([
      '0:Bidang Mutasi',
      '0:Sekretariat',
      '1:Subbagian Umum',
      '2:Urusan Arsip',
    ]);
  });

  it('knows which units cannot become the parent', () => {
    expect([...selfAndDescendants(units, 1)].sort()).toEqual([1, 3, 4]);
  });
});
