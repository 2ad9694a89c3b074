import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { errorMessageOf } from './api-errors';

/**
 * A change made from a list page (delete, deactivate…): the list (`listKey`) is read again
 * after it; a failure is said in a notice.
 */
export function useListChange<V>(listKey: QueryKey, change: (vars: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => client.invalidateQueries({ queryKey: listKey }),
    onError: (err) => notifications.show({ color: 'red', message: errorMessageOf(err) }),
  });
}
