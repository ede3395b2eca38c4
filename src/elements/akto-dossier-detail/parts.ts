export const DOSSIER_DETAIL_PARTS = ['base', 'header', 'actions', 'training', 'trainees', 'funding', 'badge'] as const;
