/**
 * The sockets4j command-line samples: the classic Winsock tutorial's echo client
 * and server ({@code client.cpp}, {@code serv.cpp}) written against {@link org.sockets4j.Socket},
 * as subcommands of one executable jar, {@code sockets4j.jar}.
 *
 * <p>Entry point: {@link org.sockets4j.samples.Sockets4j}.
 */
package org.sockets4j.samples;
