/** Pure licensing rules: demands → effective tier (premium wins) and seat plans; java.* only. */
package dev.switchboard.licensing;
