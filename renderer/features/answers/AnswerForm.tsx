import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { PublishInputSchema, ReviseInputSchema } from '../../../shared/answers/schemas';
import type { Answer } from '../../../shared/answers/schemas';
import { CALL_CATEGORIES } from '../../../shared/calls/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages, localIssues } from '../../client/error-text';
import { useCenterToday } from '../../client/use-policy';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { DateField } from '../calendar/DateField';

/** A comma (half- or full-width) or the enumeration comma also ends a keyword, as people type lists in Chinese. */
const KEYWORD_SEPARATORS = [',', '\uFF0C', '\u3001'];

interface Props {
  /** The answer being revised; absent: a new one. */
  revising?: Answer;
  onClose(): void;
  onSaved(): void;
}

/**
 * A lead's form for what the weekly meeting agreed (meeting.weekly): the case as customers ask it, the answer
 * to give, words to find it by, the call categories it fits and the meeting's date. Revising starts from the
 * current version and asks what changed. Each field shows its own error, checked here first and by the desk.
 */
export function AnswerForm({ revising, onClose, onSaved }: Props) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const { today } = useCenterToday();
  const [v, setV] = useState({
    title: revising?.title ?? '',
    question: revising?.question ?? '',
    answer: revising?.answer ?? '',
    keywords: revising?.keywords ?? [],
    categories: revising?.categories ?? [],
    meetingDate: revising?.meetingDate ?? today,
    note: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<typeof v>) => {
    setV((x) => ({ ...x, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch) && !Object.keys(patch).some((p) => k.startsWith(`${p}.`)))));
  };

  const save = async () => {
    const { note, ...fields } = v;
    const input = revising ? { ...fields, id: revising.id, revision: revising.revision, note } : { ...fields, id: crypto.randomUUID() };
    const parsed = (revising ? ReviseInputSchema : PublishInputSchema).safeParse(input);
    if (!parsed.success) {
      setErrors(fieldMessages(t, localIssues(parsed.error, input)));
      void message.warning(t('answers.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      if (revising) {
        const r = await client.call('answer.revise', parsed.data as never);
        void message.success(t('answers.revised', { revision: r.revision }));
      } else {
        await client.call('answer.publish', parsed.data as never);
        void message.success(t('answers.published'));
      }
      onSaved();
      onClose();
    } catch (err) {
      if (err instanceof CallError && err.wire.fields?.length) setErrors(fieldMessages(t, err.wire.fields, err.wire.params));
      void message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  // Keyword errors name an item (keywords.2): show them on the one field.
  const err = (field: string) => errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
  const item = (field: string) => ({ validateStatus: err(field) ? ('error' as const) : undefined, help: err(field) });

  return (
    <Modal
      open
      width={640}
      title={revising ? `${t('method.answer.revise')} · ${t('answers.version', { revision: revising.revision + 1 })}` : t('method.answer.publish')}
      okText={revising ? t('answers.saveRevision') : t('answers.publish')}
      cancelText={t('answers.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'answer-save' } as never}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" data-testid="answer-form">
        <Form.Item label={t('answers.titleField')} required {...item('title')}>
          <Input value={v.title} onChange={(e) => set({ title: e.target.value })} maxLength={80} data-testid="answer-title" autoFocus />
        </Form.Item>
        <Form.Item label={t('answers.question')} required {...item('question')}>
          <Input.TextArea value={v.question} onChange={(e) => set({ question: e.target.value })} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="answer-question" />
        </Form.Item>
        <Form.Item label={t('answers.answer')} required {...item('answer')}>
          <Input.TextArea value={v.answer} onChange={(e) => set({ answer: e.target.value })} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="answer-answer" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item label={t('answers.keywords')} extra={t('answers.keywordsHint')} style={{ flex: '1 1 240px' }} {...item('keywords')}>
            <Select mode="tags" value={v.keywords} onChange={(keywords: string[]) => set({ keywords })} open={false} suffixIcon={null} tokenSeparators={KEYWORD_SEPARATORS} data-testid="answer-keywords" />
          </Form.Item>
          <Form.Item label={t('answers.categories')} style={{ flex: '1 1 200px' }} {...item('categories')}>
            <Select mode="multiple" value={v.categories} onChange={(categories: typeof v.categories) => set({ categories })} placeholder={t('answers.categoriesAll')} options={CALL_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} data-testid="answer-categories" />
          </Form.Item>
          <Form.Item label={t('answers.meetingDate')} required {...item('meetingDate')}>
            <DateField value={v.meetingDate} onChange={(d) => set({ meetingDate: d ?? '' })} status={err('meetingDate') ? 'error' : undefined} data-testid="answer-meeting-date" />
          </Form.Item>
        </div>
        {revising && (
          <Form.Item label={t('answers.note')} {...item('note')}>
            <Input value={v.note} onChange={(e) => set({ note: e.target.value })} maxLength={200} data-testid="answer-note" />
          </Form.Item>
        )}
        {errors.revision && <div style={{ color: '#ff4d4f' }}>{errors.revision}</div>}
      </Form>
    </Modal>
  );
}
