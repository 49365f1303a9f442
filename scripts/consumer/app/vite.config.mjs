// The consumer app's own Vite config: nothing gongkai-specific, as a user would write it.
export default {
  build: { target: 'es2022', reportCompressedSize: false },
};
