export * from '../gen/botflow/events/v1/events_pb.ts';
