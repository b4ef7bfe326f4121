/**
 * The calendar opens inside the dialog, not in a portal beside it: the
 * dialog's focus trap then keeps Tab within the calendar and the dialog, and
 * closing the calendar (Escape or a day chosen) gives the focus back to the
 * date field instead of dropping it behind the dialog.
 */
export const CALENDAR_IN_DIALOG = { withinPortal: false, returnFocus: true } as const
