import type { CaseEventType } from './case-events.js';

export interface LocalizedText {
  vi: string;
  en: string;
}

/** How a public event reads on the citizen's tracking page. */
export function describePublicEvent(type: CaseEventType, unitName?: string): LocalizedText {
  switch (type) {
    case 'received':
      return { vi: 'Đã tiếp nhận phản ánh, kiến nghị', en: 'Received' };
    case 'routed':
      return unitName
        ? { vi: `Đã chuyển đến ${unitName} để xử lý`, en: `Sent to ${unitName} for handling` }
        : { vi: 'Đã chuyển đến đơn vị xử lý', en: 'Sent to the handling unit' };
  }
}
