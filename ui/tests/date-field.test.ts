import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import DateField from '../src/components/DateField.svelte';

const field = () => screen.getByTestId('d') as HTMLInputElement;
const day = (iso: string) => screen.getByTestId('date-picker').querySelector<HTMLButtonElement>(`button[data-date="${iso}"]`)!;

describe('the date field', () => {
  it('shows the bound ISO date day first and gives typed dates back as ISO', async () => {
    const onchange = vi.fn();
    const user = userEvent.setup();
    render(DateField, { testid: 'd', value: '2026-12-07', onchange });
    expect(field().value).toBe('07/12/2026');

    await user.clear(field());
    await user.type(field(), '12/07/2026');
    expect(onchange).toHaveBeenLastCalledWith('2026-07-12');
    await user.clear(field());
    await user.type(field(), '7 Des 26{Enter}');
    expect(onchange).toHaveBeenLastCalledWith('2026-12-07');
    expect(field().value).toBe('07/12/2026');
  });

  it('says beside the field why a date does not exist, marks it, and keeps the last good day', async () => {
    const onchange = vi.fn();
    const user = userEvent.setup();
    render(DateField, { testid: 'd', value: '2026-02-01', onchange });
    await user.clear(field());
    onchange.mockClear();
    await user.type(field(), '31/02/2026');
    await user.tab();
    expect(screen.getByTestId('d-error').textContent).toBe('Tanggal 31/02/2026 tidak ada: Februari 2026 hanya sampai 28.');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().value).toBe('31/02/2026');
    expect(onchange).not.toHaveBeenCalled();

    await user.clear(field());
    await user.type(field(), 'abc{Enter}');
    expect(screen.getByTestId('d-error').textContent).toBe('Tulis tanggal seperti 07/12/2026.');

    await user.clear(field());
    await user.type(field(), '28/02/2026');
    expect(screen.queryByTestId('d-error')).toBeNull();
    expect(field().getAttribute('aria-invalid')).toBeNull();
    expect(onchange).toHaveBeenLastCalledWith('2026-02-28');
  });

  it('gives no message while typing, only when the clerk leaves the field', async () => {
    const user = userEvent.setup();
    render(DateField, { testid: 'd', value: '' });
    await user.type(field(), '7/12/2');
    expect(screen.queryByTestId('d-error')).toBeNull();
    await user.tab();
    expect(screen.getByTestId('d-error').textContent).toContain('Tahun “2” tidak lengkap');
  });

  it('opens an Indonesian calendar, Senin first, with weekends and holidays marked, and a click chooses the day', async () => {
    const onchange = vi.fn();
    const user = userEvent.setup();
    render(DateField, { testid: 'd', value: '2026-12-07', holidays: ['2026-12-25'], onchange });
    await user.click(screen.getByTestId('d-pick'));
    const picker = screen.getByTestId('date-picker');
    expect(screen.getByTestId('picker-month').textContent).toBe('Desember 2026');
    expect(Array.from(picker.querySelectorAll('th')).map((th) => th.textContent)).toEqual(['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min']);
    expect(picker.querySelector('tbody tr')!.querySelector('button')!.dataset.date).toBe('2026-11-30');
    expect(day('2026-12-05').classList.contains('weekend')).toBe(true);
    expect(day('2026-12-07').classList.contains('weekend')).toBe(false);
    expect(day('2026-12-25').classList.contains('holiday')).toBe(true);
    expect(day('2026-12-24').classList.contains('holiday')).toBe(false);
    expect(document.activeElement).toBe(day('2026-12-07'));

    await user.click(day('2026-12-24'));
    expect(onchange).toHaveBeenLastCalledWith('2026-12-24');
    expect(field().value).toBe('24/12/2026');
    expect(screen.queryByTestId('date-picker')).toBeNull();
  });

  it('is used from the keyboard: arrows move, PageDown turns the month, Enter chooses, Escape closes', async () => {
    const onchange = vi.fn();
    const user = userEvent.setup();
    render(DateField, { testid: 'd', value: '2026-12-07', onchange });
    await user.click(screen.getByTestId('d-pick'));
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(document.activeElement).toBe(day('2026-12-15'));
    await user.keyboard('{PageDown}');
    expect(screen.getByTestId('picker-month').textContent).toBe('Januari 2027');
    expect(document.activeElement).toBe(day('2027-01-15'));
    await user.keyboard('{Enter}');
    expect(onchange).toHaveBeenLastCalledWith('2027-01-15');
    expect(field().value).toBe('15/01/2027');
    expect(document.activeElement).toBe(field());

    await user.click(screen.getByTestId('d-pick'));
    await user.keyboard('{ArrowLeft}{Escape}');
    expect(screen.queryByTestId('date-picker')).toBeNull();
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(field().value).toBe('15/01/2027');
  });

  it('refuses days before the earliest allowed, typed or in the calendar', async () => {
    render(DateField, { testid: 'd', value: '2020-09-10', min: '2020-09-01' });
    await fireEvent.input(field(), { target: { value: '31/08/2020' } });
    await fireEvent.change(field());
    expect(screen.getByTestId('d-error').textContent).toBe('Tanggal paling awal 01/09/2020.');
    await userEvent.click(screen.getByTestId('d-pick'));
    expect(day('2020-08-31').disabled).toBe(true);
    expect(day('2020-09-01').disabled).toBe(false);
  });
});
