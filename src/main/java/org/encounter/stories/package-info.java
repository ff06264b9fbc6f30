/**
 * Stories of change: after reporting back, a learner may turn the report back into a short story, named or
 * anonymous; curators approve it or return it with a comment; approved stories are for everyone signed in.
 * An anonymous story never names its writer to anyone but the writer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stories of change")
package org.encounter.stories;
