import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import RosterHorizon from '../src/components/RosterHorizon.svelte';

describe('the roster horizon on Jadwal Piket', () => {
  it('shows how far an open-ended roster reaches and extends it to the chosen day', async () => {
    const onextend = vi.fn();
    render(RosterHorizon, { horizon: { until: '2020-08-31', open_ended: true }, onextend });
    expect(screen.getByTestId('horizon-text').textContent).toContain('sampai dengan Senin, 31 Agustus 2020');
    const input = screen.getByTestId('horizon-until') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '31/08/2020' } });
    await fireEvent.change(input);
    expect(screen.getByTestId('horizon-until-error').textContent).toBe('Tanggal paling awal 01/09/2020.');
    expect((screen.getByTestId('horizon-extend') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(input, { target: { value: '2020-10-30' } });
    const button = screen.getByTestId('horizon-extend');
    expect(button.textContent).toContain('Perpanjang jadwal sampai Jumat, 30 Oktober 2020');
    await userEvent.click(button);
    expect(onextend).toHaveBeenCalledWith('2020-10-30');
  });

  it('offers no extension when the period has an end', () => {
    render(RosterHorizon, { horizon: { until: '2020-05-29', open_ended: false }, onextend: vi.fn() });
    expect(screen.getByTestId('horizon-text').textContent).toContain('seluruh periode, sampai dengan Jumat, 29 Mei 2020');
    expect(screen.queryByTestId('horizon-extend')).toBeNull();
  });

  it('is disabled while the roster is being drawn up', () => {
    render(RosterHorizon, { horizon: { until: '2020-08-31', open_ended: true }, busy: true, onextend: vi.fn() });
    expect((screen.getByTestId('horizon-extend') as HTMLButtonElement).disabled).toBe(true);
  });
});
