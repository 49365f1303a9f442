/** JSON paths as editors read them; core's formatPath, re-exported so the studio has one. */
export { formatPath } from '@gongkai/core';
