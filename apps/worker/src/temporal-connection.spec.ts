import { grpcCompressionFor } from './temporal-connection';

describe('gRPC compression towards Temporal', () => {
  it('sends plain requests to a server on this machine and gzips them across a network', () => {
    expect(grpcCompressionFor('127.0.0.1:7233', 'auto')).toEqual({ codec: 'none' });
    expect(grpcCompressionFor('localhost:7233', 'auto')).toEqual({ codec: 'none' });
    expect(grpcCompressionFor('[::1]:7233', 'auto')).toEqual({ codec: 'none' });
    expect(grpcCompressionFor('temporal.internal:7233', 'auto')).toEqual({ codec: 'gzip' });
    expect(grpcCompressionFor('10.0.0.5:7233', 'auto')).toEqual({ codec: 'gzip' });
  });

  it('does what TEMPORAL_GRPC_COMPRESSION says when it is set', () => {
    expect(grpcCompressionFor('127.0.0.1:7233', 'gzip')).toEqual({ codec: 'gzip' });
    expect(grpcCompressionFor('temporal.internal:7233', 'none')).toEqual({ codec: 'none' });
  });
});
