import { api } from '../api/client.ts';
import type { FeedbackBody, FeedbackQueue, PhoneCodeSent, FeedbackReceipt, FeedbackStatus, PublishedAnswer } from '@motcua/core/api';

export const fileFeedback = (body: FeedbackBody) => api.post<FeedbackReceipt>('/api/feedback', body);
export const lookupFeedback = (code: string, phone: string) =>
  api.get<FeedbackStatus>(`/api/feedback/lookup?code=${encodeURIComponent(code.trim())}&phone=${encodeURIComponent(phone.trim())}`);
export const rateAnswer = (code: string, phone: string, level: number) =>
  api.post<FeedbackStatus>(`/api/feedback/${encodeURIComponent(code)}/rating`, { phone, level });
export const publishedAnswers = (unit: string, signal?: AbortSignal) =>
  api.get<{ items: PublishedAnswer[] }>(`/api/feedback/published?unit=${encodeURIComponent(unit)}`, { signal });
export const feedbackQueue = (unit: string, signal?: AbortSignal) =>
  api.get<FeedbackQueue>(`/api/office/feedback?unit=${encodeURIComponent(unit)}`, { signal });
export const answerFeedback = (code: string, answer: string) => api.post<FeedbackStatus>(`/api/office/feedback/${encodeURIComponent(code)}/answer`, { answer });
export const sendPhoneCode = (phone: string) => api.post<PhoneCodeSent>('/api/feedback/phone-code', { phone: phone.trim() });
