/** `gongkai/en`: English messages for every element (lang="en"). The one-file bundle includes them. */
import '@gongkai/core/translations/en';
