/** 200 answer to a send. `wa_id` is present for sends to a phone number, `user_id` for sends to a BSUID. */
export interface SendSuccessResponse {
  messaging_product: 'whatsapp';
  contacts: { input: string; wa_id?: string; user_id?: string }[];
  messages: { id: string; message_status?: 'accepted' | 'held_for_quality_assessment' | 'paused' }[];
}

export interface GraphError {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_data?: { messaging_product?: 'whatsapp'; details: string };
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id: string;
}

/** Body of every Graph API 4xx/5xx answer. */
export interface GraphErrorBody {
  error: GraphError;
}
