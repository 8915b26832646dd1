// @vitest-environment happy-dom
// The figure title template and the chapters option: kept in settings (a bad stored value falls
// back to its default), edited on the settings page, and used by the export dialog's preview.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../src/library/api';
import { ExportDialog } from '../../../src/library/ExportDialog';
import { SettingsView } from '../../../src/library/SettingsView';
import { defaultSettings, readSettings } from '../../../src/ui/settings';
import { click, mount, typeInto, until } from '../ui/dom';
import { harness, must, seed } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

const shellOf = (api: ReturnType<typeof harness>['api']) => ({
  api,
  version: 0,
  go: () => {},
  notify: () => {},
});

describe('export options: figure titles and chapters', () => {
  it('default to the example post’s shape, and a bad stored value falls back', () => {
    expect(defaultSettings.exportFigureTitleTemplate).toBe('[{event} - ][{label} - ]{slide}');
    expect(defaultSettings.exportChapterHeadings).toBe(true);
    const read = readSettings({ exportFigureTitleTemplate: 42, exportChapterHeadings: 'yes' });
    expect(read.exportFigureTitleTemplate).toBe(defaultSettings.exportFigureTitleTemplate);
    expect(read.exportChapterHeadings).toBe(true);
    expect(readSettings({ exportChapterHeadings: false }).exportChapterHeadings).toBe(false);
  });

  it('the settings page saves the template and the chapters choice', async () => {
    const h = harness();
    const { api } = h;
    const root = mount(<SettingsView shell={shellOf(api)} />);
    const template = await until(() =>
      root.querySelector<HTMLInputElement>('input[name="exportFigureTitleTemplate"]'),
    );
    expect(template.value).toBe('[{event} - ][{label} - ]{slide}');
    typeInto(template, '{talk}: {slide}');
    click(root.querySelector('input[name="exportChapterHeadings"]'));
    // Saved after a short pause in typing: wait for the stored settings to say so.
    await until(() => {
      const stored = h.settings.data.settings as Record<string, unknown> | undefined;
      return (
        stored?.exportFigureTitleTemplate === '{talk}: {slide}' && stored.exportChapterHeadings === false
      );
    });
    const s = await api.loadSettings();
    expect([s.exportFigureTitleTemplate, s.exportChapterHeadings]).toEqual(['{talk}: {slide}', false]);
  });

  it('the export dialog starts from the settings and its preview follows the chapters box', async () => {
    const h = harness();
    const { post } = await seed(h.store);
    must(await h.api.saveSettings({ ...defaultSettings, exportFigureTitleTemplate: '{slide} at {time}' }));
    const requests: ExportRequest[] = [];
    const previews: Promise<unknown>[] = [];
    const api = {
      ...h.api,
      exportPreview: (r: ExportRequest) => {
        requests.push(r);
        const preview = h.api.exportPreview(r);
        previews.push(preview);
        return preview;
      },
    };
    const root = mount(<ExportDialog shell={shellOf(api)} post={post} onClose={() => {}} />);
    const box = await until(() => root.querySelector<HTMLInputElement>('input[name="chapterHeadings"]'));
    await until(() => requests.at(-1)?.options.figureTitleTemplate === '{slide} at {time}');
    expect(box.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name="figureTitleTemplate"]')?.value).toBe(
      '{slide} at {time}',
    );
    click(box);
    await until(() => requests.at(-1)?.options.chapterHeadings === false);
    expect(box.checked).toBe(false);
    // Each preview loads the exporters lazily: let them finish before the page goes away.
    await Promise.allSettled(previews);
  });
});
